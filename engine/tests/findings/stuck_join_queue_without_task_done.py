# A consumer forgets task_done, so queue.join() waits forever.
import queue
import threading

q = queue.Queue()


def consumer():
    while True:
        item = q.get()
        print("got", item)


threading.Thread(target=consumer, daemon=True).start()
for i in range(3):
    q.put(i)
q.join()
