import multiprocessing

def producer(q, n):
    for i in range(n):
        q.put(i * i)
    q.put(None)

def consumer(q, results):
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item
    results.put(total)

if __name__ == "__main__":
    q = multiprocessing.Queue()
    results = multiprocessing.Queue()
    p = multiprocessing.Process(target=producer, args=(q, 10))
    c = multiprocessing.Process(target=consumer, args=(q, results))
    p.start()
    c.start()
    print("sum of squares:", results.get())
    p.join()
    c.join()
