# Two children sleeping the same time wake together: both finish before the parent resumes.
import asyncio


async def child(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} end")
    return name


async def main():
    a = asyncio.create_task(child("a", 1))
    b = asyncio.create_task(child("b", 1))
    print("parent waits for a")
    print("got", await a)
    print("parent after a, b done:", b.done())
    print("got", await b)


asyncio.run(main())
