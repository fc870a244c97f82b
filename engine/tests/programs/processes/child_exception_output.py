import multiprocessing

def divide(a, b):
    return a / b

def work():
    print("about to divide")
    divide(1, 0)

if __name__ == "__main__":
    p = multiprocessing.Process(target=work)
    p.start()
    p.join()
    print("parent continues, exitcode", p.exitcode)
