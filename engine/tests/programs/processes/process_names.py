import multiprocessing

def report():
    print(multiprocessing.current_process().name)

if __name__ == "__main__":
    print(multiprocessing.current_process().name)
    for i in range(3):
        p = multiprocessing.Process(target=report)
        p.start()
        p.join()
    p = multiprocessing.Process(target=report, name="worker")
    p.start()
    p.join()
    print(p.name)
