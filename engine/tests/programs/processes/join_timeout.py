import multiprocessing
import time

def nap():
    time.sleep(1)

if __name__ == "__main__":
    p = multiprocessing.Process(target=nap)
    p.start()
    p.join(0.1)
    print("after short join:", p.is_alive(), p.exitcode)
    p.join()
    print("after full join:", p.is_alive(), p.exitcode)
