# outcome: 42
# preemptions: 1
import threading

result = None


def compute():
    global result
    result = 6 * 7


t = threading.Thread(target=compute)
t.start()
t.join()
print(result)
