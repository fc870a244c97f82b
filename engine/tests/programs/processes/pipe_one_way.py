import multiprocessing

def writer(conn):
    for i in range(3):
        conn.send({"n": i})
    conn.close()

if __name__ == "__main__":
    reader, writer_end = multiprocessing.Pipe(duplex=False)
    p = multiprocessing.Process(target=writer, args=(writer_end,))
    p.start()
    for _ in range(3):
        print(reader.recv())
    p.join()
    print(reader.readable, reader.writable, writer_end.readable, writer_end.writable)
