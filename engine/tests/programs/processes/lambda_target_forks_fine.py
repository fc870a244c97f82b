import multiprocessing

if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=lambda: q.put("a lambda ran in the child"))
    p.start()
    print(q.get())
    p.join()
    print(p.exitcode)
