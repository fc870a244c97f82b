import random

def rolls(seed, n=8):
    random.seed(seed)
    return [random.randint(1, 6) for _ in range(n)]

print(rolls(0))
print(rolls(1))
print(rolls(0) == rolls(0))
rng = random.Random(123)
print([round(rng.random(), 6) for _ in range(3)])
print(rng.getrandbits(32), rng.getrandbits(70))
random.seed(2024)
delays = [round(random.uniform(0.1, 0.5), 3) for _ in range(4)]
print(delays)
