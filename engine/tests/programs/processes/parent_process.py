import multiprocessing
import os

def child(q):
    parent = multiprocessing.parent_process()
    q.put((parent.name, parent.pid == os.getppid()))

if __name__ == "__main__":
    print(multiprocessing.parent_process())
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join()
