import multiprocessing


def greet():
    print("never runs")


multiprocessing.set_start_method("spawn", force=True)
p = multiprocessing.Process(target=greet)
p.start()
p.join()
print("child exit code:", p.exitcode)
