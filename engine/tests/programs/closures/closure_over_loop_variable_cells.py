def outer():
    x = 1
    def read():
        return x
    x = 2
    return read

print(outer()())

def make_accumulator(start):
    total = [start]
    def add(n):
        total[0] += n
        return total[0]
    return add

acc = make_accumulator(100)
acc(10)
print(acc(5))
