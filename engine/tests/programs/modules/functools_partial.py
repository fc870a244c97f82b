from functools import partial, reduce

def power(base, exponent):
    return base ** exponent

square = partial(power, exponent=2)
cube = partial(power, exponent=3)
print(square(5), cube(2))
print(square.func.__name__, square.args, square.keywords)
two_to = partial(power, 2)
print([two_to(n) for n in range(5)])
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 100))
int_from_binary = partial(int, base=2)
print(int_from_binary("1011"))
