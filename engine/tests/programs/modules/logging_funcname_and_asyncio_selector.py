# funcName is the function the logging call runs in (a thread's target, a lambda, a method, a nested function, a
# class body, a coroutine, the module), and a new event loop logs its selector at DEBUG as CPython's does.
import logging, threading, asyncio
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(funcName)s %(threadName)s: %(message)s")
log = logging.getLogger("app")

def worker(n):
    logging.info("working %d", n)
    helper = lambda: log.debug("in lambda")
    helper()

class Service:
    logging.debug("class body")
    def run(self):
        log.warning("method")
        def nested():
            log.error("nested")
        nested()

async def task():
    logging.info("in task")
    await asyncio.sleep(0)
    log.info("after sleep")

logging.info("top level")
t = threading.Thread(target=worker, args=(1,)); t.start(); t.join()
Service().run()
asyncio.run(task())
try:
    1 / 0
except ZeroDivisionError:
    log.exception("caught")
fmt = logging.Formatter("%(funcName)s:%(lineno)d %(message)s")
h = logging.StreamHandler(); h.setFormatter(fmt)
other = logging.getLogger("other"); other.addHandler(h); other.propagate = False
def f(): other.critical("custom")
f()
