def find(items, target):
    for index, item in enumerate(items):
        if item == target:
            print("found", target, "at", index)
            break
    else:
        print(target, "not found")

find(["a", "b", "c"], "b")
find(["a", "b", "c"], "z")
for i in range(0):
    pass
else:
    print("empty loop runs else")
