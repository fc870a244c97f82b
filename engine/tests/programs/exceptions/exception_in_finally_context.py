try:
    try:
        raise ValueError("first")
    finally:
        print("in finally")
except ValueError as e:
    print("caught", e)

def gen_error():
    try:
        raise TypeError("inner")
    except TypeError:
        pass
    raise ValueError("outer")

try:
    gen_error()
except ValueError as e:
    print(e, e.__context__)
