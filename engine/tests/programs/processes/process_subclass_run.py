import multiprocessing

class Worker(multiprocessing.Process):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def run(self):
        print(self.name, "squares", self.n, "->", self.n * self.n)

if __name__ == "__main__":
    for n in (3, 4):
        w = Worker(n)
        w.start()
        w.join()
        print(w.name, "exitcode", w.exitcode)
