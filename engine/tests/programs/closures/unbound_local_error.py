x = 10

def broken():
    print(x)
    x = 5

try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__, e)
