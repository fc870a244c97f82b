import multiprocessing

def sender(conn):
    conn.send("only message")
    conn.close()

if __name__ == "__main__":
    a, b = multiprocessing.Pipe()
    p = multiprocessing.Process(target=sender, args=(b,))
    p.start()
    b.close()
    print(a.recv())
    p.join()
    try:
        a.recv()
    except EOFError:
        print("EOFError: the other end is closed")
