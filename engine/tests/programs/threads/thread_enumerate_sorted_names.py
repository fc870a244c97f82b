# enumerate() lists the live threads: the main thread and the started ones, not the unstarted or finished.
import threading

go = threading.Event()

def waiter():
    go.wait()

a = threading.Thread(target=waiter, name="a")
b = threading.Thread(target=waiter, name="b")
unstarted = threading.Thread(target=waiter, name="never")
done = threading.Thread(target=lambda: None, name="done")
done.start()
done.join()
a.start()
b.start()
print(sorted(t.name for t in threading.enumerate()))
go.set()
a.join()
b.join()
print(sorted(t.name for t in threading.enumerate()))
