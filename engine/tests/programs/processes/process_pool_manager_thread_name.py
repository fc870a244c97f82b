# ProcessPoolExecutor's manager thread takes the next "Thread-N" name, as threading numbers its threads.
import threading
from concurrent.futures import ProcessPoolExecutor


def one():
    return 1


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        print(ex.submit(one).result())
        print([t.name for t in threading.enumerate() if t.name.startswith("Thread")])
        t = threading.Thread(target=one)
        t.start()
        t.join()
        print(t.name)
