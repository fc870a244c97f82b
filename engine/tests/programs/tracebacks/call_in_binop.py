def f(): return None
x = f() + 1
