# Processes share no memory: a multiprocessing.Queue carries a pickled copy of each item from the producer
# process to the consumer process. None tells the consumer to stop.
import time
from multiprocessing import Process, Queue


def producer(q):
    for i in range(5):
        time.sleep(0.1)  # making an item takes a while
        q.put({"item": i})
    q.put(None)


def consumer(q):
    while (item := q.get()) is not None:
        print("consumed", item)
    print("consumer done")


if __name__ == "__main__":
    q = Queue()
    workers = [Process(target=producer, args=(q,)), Process(target=consumer, args=(q,))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("exit codes", [w.exitcode for w in workers])
