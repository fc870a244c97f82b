n = 5_100_000
print(len(list(range(n))), sum(range(n)))
