import multiprocessing

def worker(tasks, results):
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            break
        results.put(item * 2)
        tasks.task_done()

if __name__ == "__main__":
    tasks = multiprocessing.JoinableQueue()
    results = multiprocessing.Queue()
    ws = [multiprocessing.Process(target=worker, args=(tasks, results)) for _ in range(2)]
    for w in ws:
        w.start()
    for i in range(6):
        tasks.put(i)
    for _ in ws:
        tasks.put(None)
    tasks.join()
    print("all tasks done")
    print(sorted(results.get() for _ in range(6)))
    for w in ws:
        w.join()
