try:
    {}['a']
except KeyError:
    raise RuntimeError('r')
