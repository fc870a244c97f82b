# A CPU-bound loop in a coroutine never awaits: the other task waits for it.
import asyncio


async def crunch():
    total = 0
    for i in range(3_000_000):
        total += i * i
    print("total", total)


async def heartbeat():
    for i in range(3):
        print("beat", i)
        await asyncio.sleep(0.01)


async def main():
    await asyncio.gather(heartbeat(), crunch())


asyncio.run(main())
