import multiprocessing

class Registry(dict):
    pass

def child(conn):
    r = conn.recv()
    conn.send((type(r).__name__, dict(r)))

if __name__ == "__main__":
    a, b = multiprocessing.Pipe()
    p = multiprocessing.Process(target=child, args=(b,))
    p.start()
    r = Registry(x=1)
    r["y"] = 2
    a.send(r)
    print(a.recv())
    p.join()
