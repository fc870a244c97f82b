n = 7 ** 2000
s = str(n)
print(len(s), s[:20], s[-20:])
print(sum(int(d) for d in str(2 ** 1000)))
