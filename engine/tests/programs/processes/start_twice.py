import multiprocessing

def work():
    pass

if __name__ == "__main__":
    p = multiprocessing.Process(target=work)
    p.start()
    p.join()
    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)
    q = multiprocessing.Process(target=work)
    try:
        q.join()
    except AssertionError as e:
        print("AssertionError:", e)
