print([1, 2] + [3], [0] * 4, [1, 2] * 0, 2 in [1, 2], [1, [2]] == [1, [2]])
print([3, 1, 2] > [3, 1], len([[]]), [None] * 2)
print(list("abc"), list(range(3, 0, -1)), list({"k": 1}), list((1, 2)))
print(sum([[1], [2, 3]], []), min([[2], [1, 5]]), sorted([[2, 1], [1, 9]]))
xs = [1, 2, 3]
xs[1:1] = [9, 9]
print(xs, xs[-2], xs.index(9))
print(enumerate.__name__, list(enumerate("ab", start=1)))
