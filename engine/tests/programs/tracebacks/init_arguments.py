class A:
    def __init__(self, x): pass
a = A(1, 2)
