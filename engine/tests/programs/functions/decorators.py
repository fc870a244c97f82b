def shout(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        result = func(*args, **kwargs)
        return str(result).upper()
    return wrapper

def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate

@shout
def hello(name):
    return f"hello {name}"

@repeat(3)
def ping():
    return "ping"

print(hello("world"))
print(ping())
print(hello.__name__)
