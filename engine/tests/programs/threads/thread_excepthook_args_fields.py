# The excepthook argument is a structseq whose thread field is the failing Thread object.
import threading

captured = []
threading.excepthook = captured.append

def worker():
    raise TypeError("wrong type")

t = threading.Thread(target=worker)
t.start()
t.join()
args = captured[0]
print(type(args).__name__)
print(args.exc_type is TypeError, str(args.exc_value), args.thread is t)
