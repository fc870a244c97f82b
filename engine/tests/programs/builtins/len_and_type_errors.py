print(len("abc"), len([1, 2]), len({"a": 1}), len(range(4)), len(set()))
for bad in [5, 3.5, None, len]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
nothing = None
number = 5
try:
    nothing()
except TypeError as e:
    print("TypeError:", e)
try:
    number[0]
except TypeError as e:
    print("TypeError:", e)
