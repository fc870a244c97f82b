# outcome: seen
# outcome: missed
# preemptions: 1
import threading

flag = False


def work():
    return 1


def setter():
    global flag
    work()
    flag = True


t = threading.Thread(target=setter)
t.start()
work()
print("seen" if flag else "missed")
t.join()
