import multiprocessing

def consumer(cond, box, q):
    with cond:
        while box.value == 0:
            cond.wait()
        q.put(box.value)

if __name__ == "__main__":
    cond = multiprocessing.Condition()
    box = multiprocessing.Value("i", 0)
    q = multiprocessing.Queue()
    c = multiprocessing.Process(target=consumer, args=(cond, box, q))
    c.start()
    with cond:
        box.value = 42
        cond.notify()
    print("consumer got", q.get())
    c.join()
