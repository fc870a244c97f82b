import multiprocessing
import os

def report(q):
    q.put((os.getpid(), os.getppid()))

if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=report, args=(q,))
    p.start()
    child, parent = q.get()
    p.join()
    print("child pid differs:", child != os.getpid())
    print("child's parent is us:", parent == os.getpid())
    print("pid attribute matches:", p.pid == child)
