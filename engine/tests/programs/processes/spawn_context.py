import multiprocessing
import threading


def square(q, x):
    q.put((x * x, multiprocessing.current_process().name, multiprocessing.parent_process().name))


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    print(ctx.get_start_method(), multiprocessing.get_start_method())
    print(type(ctx).__name__, ctx.Process.__name__)
    q = ctx.Queue()
    p = ctx.Process(target=square, args=(q, 7))
    print(p.name)
    p.start()
    print(q.get())
    p.join()
    print(p.exitcode)
    for target, args in ((lambda: 0, ()), (square, (q, threading.Lock()))):
        try:
            ctx.Process(target=target, args=args).start()
        except Exception as e:
            print(type(e).__name__, str(e).split(" at 0x")[0])
