import random

random.seed(42)
print(random.random())
print(random.random())
print(random.randint(1, 10), random.randint(1, 10), random.randint(1, 100))
print(random.choice(["rock", "paper", "scissors"]))
print(random.uniform(1, 2))
print(random.randrange(0, 100, 5))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5))
print(random.choices("abc", k=5))
