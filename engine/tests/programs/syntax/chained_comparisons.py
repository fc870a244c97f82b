x = 5
print(1 < x < 10)
print(1 < x > 3)
print(10 > x >= 5 == 5)
print(1 < 2 < 3 < 2)
print(x is not None and x in [1, 5])
print(not x == 6)
a = b = c = 0
print(a == b == c)
print("a" < "b" < "c")
