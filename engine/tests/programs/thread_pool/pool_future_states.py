# A future goes pending -> running -> done; running() and done() report each stage.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

release = threading.Event()

with ThreadPoolExecutor(max_workers=1) as pool:
    blocker = pool.submit(release.wait)
    queued = pool.submit(lambda: "value")
    time.sleep(0.1)
    print("blocker running/done:", blocker.running(), blocker.done())
    print("queued running/done:", queued.running(), queued.done())
    release.set()
    print("queued result:", queued.result())
    print("queued running/done/cancelled:", queued.running(), queued.done(), queued.cancelled())
