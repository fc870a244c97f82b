try:
    raise ValueError("plain")
except* ValueError as eg:
    print(type(eg).__name__, repr(eg.exceptions))
