for n in range(4):
    parity = "even" if n % 2 == 0 else "odd"
    print(n, parity)

x = None
print(x if x is not None else "default")
print("a" if 0 else "b" if "" else "c")
