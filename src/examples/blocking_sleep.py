import asyncio
import time


async def ticker(label):
    for i in range(3):
        print(f"{label} tick {i}")
        await asyncio.sleep(0.2)


async def polite():
    await asyncio.sleep(0.5)  # yields: the ticker keeps ticking
    print("polite: slept 0.5 s without blocking")


async def rude():
    time.sleep(0.5)  # holds the whole event loop: nothing else runs
    print("rude: slept 0.5 s and blocked everyone")


async def main():
    print("-- asyncio.sleep --")
    await asyncio.gather(ticker("A"), polite())
    print("-- time.sleep --")
    await asyncio.gather(ticker("B"), rude())


asyncio.run(main())
