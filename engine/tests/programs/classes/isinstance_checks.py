values = [1, 2.0, "three", [4], (5,), {6: 6}, {7}, None, True]
for v in values:
    kinds = [t.__name__ for t in (int, float, str, list, tuple, dict, set, bool) if isinstance(v, t)]
    print(repr(v), kinds)
print(isinstance(3, (str, int)))
