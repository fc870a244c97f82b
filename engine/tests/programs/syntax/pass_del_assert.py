class Empty:
    pass

def nothing():
    pass

print(nothing())
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
items = [0, 1, 2, 3, 4, 5]
del items[1:3]
print(items)
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
assert len(items) == 4, "should have four"
try:
    assert items == [], f"items not empty: {items}"
except AssertionError as e:
    print("AssertionError:", e)
