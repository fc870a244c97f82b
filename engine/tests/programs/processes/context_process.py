import multiprocessing

def work(q):
    q.put(multiprocessing.current_process().name)

if __name__ == "__main__":
    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=work, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print(type(p).__name__)
