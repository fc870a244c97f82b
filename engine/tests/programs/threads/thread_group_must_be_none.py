# Passing a positional first argument sets group, which must be None: AssertionError.
import threading

def work():
    pass

print("creating")
threading.Thread(work)
