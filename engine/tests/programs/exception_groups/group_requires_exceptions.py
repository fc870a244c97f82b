try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("ValueError:", e)
g = BaseExceptionGroup("mixed", [ValueError(), KeyboardInterrupt()])
print(type(g).__name__)
g2 = BaseExceptionGroup("only exc", [ValueError()])
print(type(g2).__name__)
