def min_max(values):
    return min(values), max(values)

lo, hi = min_max([4, 1, 9, 3])
print(lo, hi)
result = min_max([2, 2])
print(result, type(result).__name__)

def nothing():
    return

print(nothing())
