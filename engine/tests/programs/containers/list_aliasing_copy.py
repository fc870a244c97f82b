import copy
a = [[1, 2], [3]]
b = a
c = a[:]
d = copy.deepcopy(a)
a[0].append(99)
a.append([4])
print(a)
print(b)
print(c)
print(d)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
print(a is b, a == c, a is c)
