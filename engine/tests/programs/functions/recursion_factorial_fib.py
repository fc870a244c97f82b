def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(factorial(10))
print(factorial(30))
print([fib(i) for i in range(15)])
print(fib(20))
