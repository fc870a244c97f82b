data = [10, 20, 30]
for i in [2, 3, -3, -4]:
    try:
        print(i, data[i])
    except IndexError as e:
        print(i, "IndexError:", e)
try:
    (1, 2)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    data[1] = data["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    data[5] = 1
except IndexError as e:
    print("IndexError:", e)
