# args that is not iterable fails inside the new thread with a TypeError naming the target.
import threading

def work(n):
    print("work", n)

t = threading.Thread(target=work, args=5)
t.start()
t.join()
print("main continues")
