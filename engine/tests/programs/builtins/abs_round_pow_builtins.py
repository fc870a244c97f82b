print(abs(-7), abs(2.5), round(3.14159, 2), pow(2, 5), pow(2, 5, 3))
print(divmod(9, 4), sum([1, 2, 3]) / len([1, 2, 3]), round(2 / 3, 4))
print(sorted([3, -4, 1], key=abs), max(-3, 2, key=abs), min(-3, 2, key=abs))
print(reversed([1, 2]).__class__.__name__, list(reversed("abc")))
