items = [1, 2]
total = items + 3
