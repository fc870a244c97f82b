import multiprocessing
import time

def nap():
    time.sleep(0.5)

if __name__ == "__main__":
    p = multiprocessing.Process(target=nap)
    print("before start:", p.is_alive(), p.exitcode)
    p.start()
    print("running:", p.is_alive(), p.exitcode)
    p.join()
    print("after join:", p.is_alive(), p.exitcode)
