import multiprocessing

def child(conn):
    while True:
        msg = conn.recv()
        if msg == "stop":
            break
        conn.send(msg[::-1])
    conn.close()

if __name__ == "__main__":
    parent_conn, child_conn = multiprocessing.Pipe()
    p = multiprocessing.Process(target=child, args=(child_conn,))
    p.start()
    for word in ["hello", "pipe", "racecar"]:
        parent_conn.send(word)
        print(word, "->", parent_conn.recv())
    parent_conn.send("stop")
    p.join()
