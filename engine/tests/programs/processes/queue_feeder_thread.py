import multiprocessing
import threading


def show(q):
    print(q.get(), q.get())


if __name__ == "__main__":
    q = multiprocessing.Queue()
    item = [1]
    q.put(item)
    item.append(2)  # the feeder thread pickles it later: the change still travels
    q.put(threading.Lock())  # cannot be pickled: the feeder prints a traceback, put returns
    print("put returned")
    q.put("after")
    p = multiprocessing.Process(target=show, args=(q,))
    p.start()
    p.join()
    print(q.empty(), p.exitcode)
    q.put(i for i in range(3))
    q.close()
    q.join_thread()
    print("closed")
