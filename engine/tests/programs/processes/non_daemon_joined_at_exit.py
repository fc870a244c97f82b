import multiprocessing
import time

def slow():
    time.sleep(0.3)
    print("child finished")

if __name__ == "__main__":
    p = multiprocessing.Process(target=slow)
    p.start()
