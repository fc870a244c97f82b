def countdown(n):
    return countdown(n - 1)

print("starting")
countdown(10)
