class A:
    def m(self):
        raise ValueError('x')
a = A()
result = a.m()
