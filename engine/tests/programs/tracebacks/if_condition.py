if 1 / 0:
    pass
