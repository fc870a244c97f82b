# ContextVar[int] is a generic alias; a ContextVar's name is read-only; a Token comes only from ContextVar.set().
import contextvars
print(contextvars.ContextVar[int])
v = contextvars.ContextVar("v")
try:
    v.name = "x"
except AttributeError as e:
    print(e)
print(hash(v) == hash(v), v.get(5))
try:
    contextvars.Token()
except TypeError as e:
    print("TypeError")
