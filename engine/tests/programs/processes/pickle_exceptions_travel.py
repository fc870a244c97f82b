import multiprocessing

class AppError(Exception):
    pass

def child(conn):
    try:
        raise AppError("broken", 7)
    except AppError as e:
        conn.send(e)

if __name__ == "__main__":
    a, b = multiprocessing.Pipe()
    p = multiprocessing.Process(target=child, args=(b,))
    p.start()
    err = a.recv()
    p.join()
    print(type(err).__name__, err.args, isinstance(err, AppError))
