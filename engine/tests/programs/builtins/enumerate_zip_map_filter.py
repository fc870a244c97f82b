names = ["ann", "bob", "cy"]
ages = [31, 25]
for i, name in enumerate(names, 1):
    print(i, name)
print(list(zip(names, ages)), dict(zip(names, ages)))
print(list(map(str.title, names)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
z = zip([1, 2], "ab")
print(next(z), list(z), list(z))
print(type(map(str, [])).__name__, type(zip()).__name__)
