def outer(a, b=2):
    c = a + b
    def inner():
        return c
    d = None
    print(sorted(locals().items(), key=lambda kv: kv[0]) if False else sorted(locals()))
    print(dir())
    print(vars() == locals())
    return inner

outer(1)

class K:
    x = 1
    y = [n for n in range(3)]
    print(sorted(locals()))
    print(dir())

def late():
    print(locals())
    z = 3
    print(locals())
late()
print(sorted(k for k in dir() if not k.startswith("__")))
def shadow():
    locals = lambda: "mine"
    return locals()
print(shadow())
