print(min(3, 1, 2), max([1, 7, 3]), min("bca"), max([], default="empty"))
print(sum([]), sum((1.5, 2.5)), any([]), all([]), any([0, "", 1]), all([1, "x", [0]]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
print(max([("b", 1), ("a", 2)]), max({"x": 1, "y": 0}))
