# initializer(*initargs) runs once in each worker thread before its first task.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

local = threading.local()

def init(greeting):
    local.greeting = greeting

def task(name):
    time.sleep(0.1)
    return f"{local.greeting}, {name}"

with ThreadPoolExecutor(max_workers=2, initializer=init, initargs=("hi",)) as pool:
    print(list(pool.map(task, ["ann", "bob"])))
