counter = 0

def bump():
    global counter
    counter += 1

for _ in range(3):
    bump()
print("counter:", counter)

def outer():
    total = 0
    def add(n):
        nonlocal total
        total += n
    add(5)
    add(7)
    return total

print("total:", outer())
