class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"{key!r} not found")
        self.key = key

def lookup(key):
    raise NotFound(key)

try:
    lookup("user")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)

e = AppError("a", 2)
print(str(e), repr(e), e.args)
print(repr(Exception()), str(Exception()), repr(ValueError("x")))
