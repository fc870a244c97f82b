import multiprocessing

if __name__ == "__main__":
    q = multiprocessing.JoinableQueue()
    q.put(1)
    q.get()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
