from collections import deque

a = deque([1, 2])
b = deque([3])
print(a + b, a * 2, a == deque([1, 2]), a != b, a == [1, 2])
a += [7]
print(a)
try:
    a + [1]
except TypeError as e:
    print("TypeError", e)
try:
    {deque()}
except TypeError as e:
    print("TypeError", e)
try:
    deque("ab").remove("z")
except ValueError as e:
    print("ValueError", e)
