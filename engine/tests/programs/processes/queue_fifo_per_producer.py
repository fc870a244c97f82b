import multiprocessing

def produce(q, tag):
    for i in range(20):
        q.put((tag, i))

if __name__ == "__main__":
    q = multiprocessing.Queue()
    ps = [multiprocessing.Process(target=produce, args=(q, t)) for t in range(3)]
    for p in ps:
        p.start()
    seen = {0: [], 1: [], 2: []}
    for _ in range(60):
        tag, i = q.get()
        seen[tag].append(i)
    for p in ps:
        p.join()
    print(all(v == list(range(20)) for v in seen.values()))
