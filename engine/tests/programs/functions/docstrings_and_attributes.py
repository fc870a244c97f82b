def area(w, h):
    """Return the area of a rectangle."""
    return w * h

print(area.__name__)
print(area.__doc__)
print(area(3, 4))
area.calls = 0
area.calls += 1
print(area.calls)

def no_doc():
    pass

print(no_doc.__doc__)
