i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i == 7:
        break
    print("odd", i)
else:
    print("never printed")

n = 3
while n > 0:
    n -= 1
else:
    print("loop finished normally, n =", n)
