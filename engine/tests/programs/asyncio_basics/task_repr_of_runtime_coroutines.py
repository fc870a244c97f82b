# A task wrapping one of asyncio's own coroutines names asyncio's module and line, as CPython's repr does
# (printed from the module's name on: the standard library's folder differs between machines).
import asyncio


def where(task):
    text = repr(task)
    at = text.index(" at ") + 4
    place = text[at:].split(">")[0]
    return text[:at] + place.rsplit("/", 1)[-1]


async def main():
    q = asyncio.Queue(maxsize=1)
    await q.put(0)
    ev = asyncio.Event()
    lock = asyncio.Lock()
    await lock.acquire()
    sem = asyncio.Semaphore(0)
    coros = [
        asyncio.sleep(1),
        asyncio.sleep(0),
        asyncio.wait_for(asyncio.sleep(1), 5),
        q.put(1),
        asyncio.Queue().get(),
        q.join(),
        ev.wait(),
        lock.acquire(),
        sem.acquire(),
        asyncio.wait([asyncio.create_task(asyncio.sleep(1))]),
    ]
    tasks = [asyncio.create_task(c) for c in coros]
    for t in tasks:
        print(where(t))
    await asyncio.sleep(0)
    for t in tasks:
        print(where(t))
    for t in tasks:
        t.cancel()
    await asyncio.sleep(0)
    for t in tasks:
        print(where(t), t.cancelled())
    done = asyncio.create_task(asyncio.sleep(0, "value"))
    await done
    print(where(done), done.result())


asyncio.run(main())
