# The producer process starts (and may finish) before the consumer exists: the item waits in the queue.
import multiprocessing


def produce(q):
    q.put(1)


def consume(q):
    print("consumed", q.get())


if __name__ == "__main__":
    q = multiprocessing.Queue()
    ps = [multiprocessing.Process(target=produce, args=(q,)), multiprocessing.Process(target=consume, args=(q,))]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print([p.exitcode for p in ps])
