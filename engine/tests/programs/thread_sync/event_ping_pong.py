# Two Events make two threads alternate strictly.
import threading

ping_turn = threading.Event()
pong_turn = threading.Event()

def ping():
    for i in range(3):
        ping_turn.wait()
        ping_turn.clear()
        print("ping", i)
        pong_turn.set()

def pong():
    for i in range(3):
        pong_turn.wait()
        pong_turn.clear()
        print("pong", i)
        ping_turn.set()

threads = [threading.Thread(target=ping), threading.Thread(target=pong)]
for t in threads:
    t.start()
ping_turn.set()
for t in threads:
    t.join()
