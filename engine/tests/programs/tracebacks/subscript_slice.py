x = None
y = x[1:2]
