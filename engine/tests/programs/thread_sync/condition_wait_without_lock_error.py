# wait() without holding the condition's lock raises RuntimeError.
import threading

cond = threading.Condition()
cond.wait(0.1)
