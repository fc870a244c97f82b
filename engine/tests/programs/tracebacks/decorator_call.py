def deco(f):
    raise TypeError('t')
@deco
def g(): pass
