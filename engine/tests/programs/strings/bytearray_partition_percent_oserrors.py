# bytearray.partition/rpartition and bytearray % args give bytearrays; the OSError subclasses CPython has for errno values (InterruptedError and the rest).
ba = bytearray(b"key=value=x")
print(ba.partition(b"="), ba.rpartition(b"="), ba.partition(b"#"))
print(bytearray(b"n=%d %s") % (5, b"ok"), type(bytearray(b"%x") % 255).__name__)
for E in (InterruptedError, ChildProcessError, FileExistsError, IsADirectoryError, NotADirectoryError, ProcessLookupError):
    print(E.__name__, E.__mro__[1].__name__, issubclass(E, OSError))
try:
    raise InterruptedError(4, "Interrupted system call")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e)
