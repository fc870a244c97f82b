x = "global"

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()

print(outer())
print(x)

def shadow():
    x = "local"
    return x

print(shadow(), x)
