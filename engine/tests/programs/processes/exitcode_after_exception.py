import multiprocessing

def fail():
    raise ValueError("something went wrong")

if __name__ == "__main__":
    p = multiprocessing.Process(target=fail)
    p.start()
    p.join()
    print("exitcode:", p.exitcode)
