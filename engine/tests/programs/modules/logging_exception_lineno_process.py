# logging.exception() appends the traceback of the exception being handled; %(filename)s and %(lineno)d name the
# logging call's file and line; a child process logs under its own name.
import logging
import multiprocessing
import threading

logging.basicConfig(level=logging.INFO, format="%(filename)s:%(lineno)d %(processName)s %(threadName)s %(levelname)s %(message)s")
log = logging.getLogger("demo")


def child():
    log.info("in the child")


def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        log.exception("risky(%d) failed", n)
        return None


if __name__ == "__main__":
    log.info("start")
    print(risky(2), risky(0))
    t = threading.Thread(target=risky, args=(0,), name="Worker-1")
    t.start()
    t.join()
    p = multiprocessing.Process(target=child, name="Child-1")
    p.start()
    p.join()
    log.warning("done with %s", {"exit": p.exitcode})
