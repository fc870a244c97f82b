try:
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as eg:
    print("escaped:", repr(eg))
