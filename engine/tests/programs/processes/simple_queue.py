import multiprocessing

def work(q):
    for word in ["alpha", "beta", "gamma"]:
        q.put(word.upper())

if __name__ == "__main__":
    q = multiprocessing.SimpleQueue()
    p = multiprocessing.Process(target=work, args=(q,))
    p.start()
    print([q.get() for _ in range(3)])
    p.join()
    print(q.empty())
