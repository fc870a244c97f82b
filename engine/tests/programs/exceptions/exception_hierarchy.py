for exc in [ZeroDivisionError, KeyError, IndexError, ModuleNotFoundError, RecursionError,
            UnboundLocalError, FileNotFoundError, StopIteration, KeyboardInterrupt, TimeoutError]:
    print(exc.__name__, "->", [c.__name__ for c in exc.__mro__[1:]])
