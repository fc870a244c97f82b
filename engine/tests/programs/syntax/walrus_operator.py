data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list is long ({n} items)")

values = []
i = 0
while (item := data[i]) != 9:
    values.append(item)
    i += 1
print(values)

squares = [y for x in range(6) if (y := x * x) % 2 == 0]
print(squares, y)
