import multiprocessing

class Config:
    version = 1

    def __init__(self, name):
        self.name = name

def child(conn):
    cfg = conn.recv()
    conn.send((type(cfg).__name__, cfg.name, type(cfg).version))

if __name__ == "__main__":
    Config.version = 2
    a, b = multiprocessing.Pipe()
    p = multiprocessing.Process(target=child, args=(b,))
    Config.version = 3
    p.start()
    a.send(Config("demo"))
    print(a.recv())
    p.join()
