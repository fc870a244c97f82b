for expr in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 5 % 0.0]:
    try:
        expr()
    except ZeroDivisionError as e:
        print(e)
