import multiprocessing

def echo(conn):
    while True:
        x = conn.recv()
        if x == "stop":
            return
        conn.send(x)

if __name__ == "__main__":
    a, b = multiprocessing.Pipe()
    p = multiprocessing.Process(target=echo, args=(b,))
    p.start()
    values = [1, -2.5, 10 ** 30, "text", b"bytes", None, True, (1, (2, 3)), [4, [5]],
              {"k": {1, 2}}, frozenset({3}), range(2, 8, 2)]
    for v in values:
        a.send(v)
        back = a.recv()
        print(repr(back), back == v)
    a.send("stop")
    p.join()
