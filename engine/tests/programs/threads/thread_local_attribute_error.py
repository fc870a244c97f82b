# An attribute set on threading.local in one thread is missing in another: AttributeError.
import threading

data = threading.local()
data.x = 1

def worker():
    try:
        print(data.x)
    except AttributeError as e:
        print("AttributeError:", e)
    print("hasattr in worker:", hasattr(data, "x"))

t = threading.Thread(target=worker)
t.start()
t.join()
print("main still has x =", data.x)
