a, *b, c = range(6)
print(a, b, c)
head, *tail = [1]
print(head, tail)
print(*[1, 2], *"ab", sep="|")
merged = [*range(3), *(7, 8)]
print(merged, {**{"a": 1}, "b": 2, **{"a": 3}})
(x, y), z = "ab", "c"
print(x, y, z)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q = 5
except TypeError as e:
    print("TypeError:", e)
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
