class A: pass
a = A()
a.x += 1
