print(1 < 2.5, 2 ** 60 < 2.0 ** 61, float("nan") == float("nan"), float("nan") != float("nan"))
print(sorted([3, 1.5, -2, 10 ** 20, 0.0]))
print(max([1, 5, 3]), min(4, 2, key=lambda v: -v), 1 <= 1.0 <= True)
try:
    1 < "2"
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(None == 0, [] == [], [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
