import inspect

def g():
    yield 1

gen = g()
print(inspect.getgeneratorstate(gen))
next(gen)
print(inspect.getgeneratorstate(gen))
list(gen)
print(inspect.getgeneratorstate(gen))
print(inspect.isgeneratorfunction(g), inspect.isgenerator(gen))
