import multiprocessing
import time

def forever():
    while True:
        time.sleep(0.1)

if __name__ == "__main__":
    p = multiprocessing.Process(target=forever)
    p.start()
    time.sleep(0.3)
    p.terminate()
    p.join()
    print("exitcode:", p.exitcode)
    print(p.is_alive())
