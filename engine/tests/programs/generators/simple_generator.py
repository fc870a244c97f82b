def countdown(n):
    print("starting")
    while n > 0:
        yield n
        n -= 1
    print("finished")

gen = countdown(3)
print(type(gen).__name__)
for value in gen:
    print(value)
print(list(countdown(2)))
