# active_count() counts the main thread plus every started, unfinished thread.
import threading

go = threading.Event()

def waiter():
    go.wait()

print("at start:", threading.active_count())
threads = [threading.Thread(target=waiter) for _ in range(3)]
print("created, not started:", threading.active_count())
for t in threads:
    t.start()
print("three waiting:", threading.active_count())
go.set()
for t in threads:
    t.join()
print("all joined:", threading.active_count())
