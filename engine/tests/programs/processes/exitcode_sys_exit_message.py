import multiprocessing
import sys

def leave():
    sys.exit("giving up")

if __name__ == "__main__":
    p = multiprocessing.Process(target=leave)
    p.start()
    p.join()
    print("exitcode:", p.exitcode)
