# A forked child starts with a copy of the parent's globals: what it changes, the parent never sees.
# To share a number, put it in shared memory (a Value), or send results back (a Queue, a Pipe).
import multiprocessing

counter = 0
shared = multiprocessing.Value("i", 0)


def work():
    global counter
    counter += 100
    shared.value += 100
    print("child: counter", counter, "shared", shared.value)


if __name__ == "__main__":
    p = multiprocessing.Process(target=work)
    p.start()
    p.join()
    print("parent: counter", counter, "shared", shared.value)
