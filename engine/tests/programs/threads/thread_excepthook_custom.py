# A custom threading.excepthook receives the exception type, value, traceback and the thread; nothing goes to stderr.
import threading

def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, "in", args.thread.name)
    print("has traceback:", args.exc_traceback is not None)

threading.excepthook = hook

def worker():
    raise LookupError("missing item")

t = threading.Thread(target=worker, name="w1")
t.start()
t.join()
print("done")
