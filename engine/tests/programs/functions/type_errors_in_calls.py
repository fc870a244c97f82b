def pair(a, b):
    return (a, b)

for call in [lambda: pair(1), lambda: pair(1, 2, 3), lambda: pair(1, c=2), lambda: pair(1, a=2)]:
    try:
        call()
    except TypeError as e:
        print(e)
