x = 5
print("x" in globals(), globals()["x"], __name__)

def f():
    y = 1
    return sorted(locals())

print(f())
print("append" in dir([]), "upper" in dir(""))
print(sorted(k for k in vars(type("T", (), {"a": 1, "b": 2})) if not k.startswith("_")))
