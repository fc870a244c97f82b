# Two threads take turns, handing the turn over through a Condition.
import threading

cond = threading.Condition()
turn = "ping"

def player(me, other):
    global turn
    for i in range(3):
        with cond:
            cond.wait_for(lambda: turn == me)
            print(me, i)
            turn = other
            cond.notify_all()

threads = [threading.Thread(target=player, args=("ping", "pong")), threading.Thread(target=player, args=("pong", "ping"))]
for t in threads:
    t.start()
for t in threads:
    t.join()
