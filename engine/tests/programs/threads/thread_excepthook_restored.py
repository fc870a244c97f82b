# After restoring threading.__excepthook__, exceptions are printed on stderr again.
import threading

def quiet(args):
    print("swallowed", args.exc_type.__name__)

def fail(message):
    raise RuntimeError(message)

threading.excepthook = quiet
t = threading.Thread(target=fail, args=("first",))
t.start()
t.join()

threading.excepthook = threading.__excepthook__
t = threading.Thread(target=fail, args=("second",))
t.start()
t.join()
print("end")
