xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[::3], xs[::-1], xs[8:2:-2], xs[-1:-4:-1])
print(xs[100:], xs[5:2], xs[:])
ys = xs[:]
ys[2:5] = ["a", "b"]
print(ys)
ys[::2] = [0] * 5
print(ys)
del ys[::3]
print(ys)
t = tuple("abcdef")
print(t[1:4], t[::-2])
try:
    ys[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
print(slice(1, 5, 2), xs[slice(1, 5, 2)])
