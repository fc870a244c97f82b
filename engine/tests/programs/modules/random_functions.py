import random
random.seed(12345)
print(random.random(), random.uniform(2, 3), random.randint(1, 100), random.randrange(10), random.randrange(5, 50, 5))
items = list(range(10))
random.shuffle(items); print(items)
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.sample(range(1000), 4), random.sample(['a', 'b', 'c'], 3))
print(random.choices(['x', 'y', 'z'], weights=[5, 1, 1], k=6), random.choices(range(3), cum_weights=[1, 2, 3], k=3))
print(round(random.gauss(0, 1), 10), round(random.normalvariate(10, 2), 10), round(random.expovariate(1.5), 10), round(random.triangular(0, 10, 3), 10))
print(random.getrandbits(8), random.getrandbits(64), random.getrandbits(100), random.randbytes(4))
r1 = random.Random(99); r2 = random.Random(99)
print([r1.randint(1, 6) for _ in range(5)] == [r2.randint(1, 6) for _ in range(5)], r1.random() == r2.random())
state = random.getstate(); a = random.random(); random.setstate(state); print(a == random.random())
random.seed("hello"); print(random.random())
random.seed(b"bytes"); print(random.random())
random.seed(3.5); print(random.random())
random.seed(-7); print(random.random())
random.seed(2 ** 100); print(random.random())
for bad in (lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.sample([1, 2], 3),
            lambda: random.randrange(1, 10, 0), lambda: random.sample({1, 2}, 1), lambda: random.choices([1], weights=[1, 2]),
            lambda: random.getrandbits(-1), lambda: random.seed([1])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(random.sample(range(100), k=3, counts=None), random.sample(['r', 'b'], counts=[3, 2], k=4))
