# outcome: a / b
# outcome: b / a
# preemptions: 1
import threading


def say(word):
    print(word)


ts = [threading.Thread(target=say, args=(w,)) for w in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
