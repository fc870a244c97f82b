import multiprocessing

def grandchild(q):
    q.put(multiprocessing.current_process().name)

def child(q):
    q.put(multiprocessing.current_process().name)
    for _ in range(2):
        p = multiprocessing.Process(target=grandchild, args=(q,))
        p.start()
        p.join()

if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    p.join()
    while not q.empty():
        print(q.get())
