import multiprocessing
import sys

def leave(code):
    sys.exit(code)

if __name__ == "__main__":
    for code in (0, 3, None, True):
        p = multiprocessing.Process(target=leave, args=(code,))
        p.start()
        p.join()
        print(repr(code), "->", p.exitcode)
