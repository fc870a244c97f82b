# A LifoQueue filled by a worker is drained newest-first by the main thread.
import queue
import threading

stack = queue.LifoQueue()

def fill():
    for page in ["home", "products", "cart"]:
        stack.put(page)

t = threading.Thread(target=fill)
t.start()
t.join()
while not stack.empty():
    print("back to", stack.get())
