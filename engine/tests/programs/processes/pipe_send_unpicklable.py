import multiprocessing
import threading

def gen():
    yield 1

if __name__ == "__main__":
    a, b = multiprocessing.Pipe()
    for obj in [threading.Lock(), threading.RLock(), gen(), multiprocessing, threading.Event()]:
        try:
            a.send(obj)
        except TypeError as e:
            print("TypeError:", e)
    a.send([1, "two", 3.0, None, (4, 5), {"six": {6}}])
    print(b.recv())
