# A BoundedSemaphore made with a float value: its bound check compares floats, so a second release passes
# (as in CPython) and the trace pairs that release with nobody.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(1e-308)
    await sem.acquire()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    plain = asyncio.Semaphore(1)
    plain.release()
    print("plain semaphore value grew:", plain._value)

asyncio.run(main())
