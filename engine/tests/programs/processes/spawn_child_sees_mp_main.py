# A spawned child runs the program again as `__mp_main__`: its target and the classes of its arguments are
# looked up there, so they report that module; and each start method has one context object.
import multiprocessing as mp


def work(x):
    print("in child:", __name__, work.__module__, type(x).__module__)


class Thing:
    pass


if __name__ == "__main__":
    print("in parent:", __name__, work.__module__, Thing.__module__)
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=work, args=(Thing(),))
    p.start()
    p.join()
    print(mp.get_context("spawn") is ctx, mp.get_context("fork") is mp.get_context("fork"))
    print(mp.get_context() is mp.get_context("fork"), type(mp.get_context()).__name__)
