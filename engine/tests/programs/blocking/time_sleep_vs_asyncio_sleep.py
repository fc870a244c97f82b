import asyncio
import time

async def polite(name):
    for i in range(2):
        print(name, "step", i)
        await asyncio.sleep(0.05)

async def rude(name):
    for i in range(2):
        print(name, "step", i)
        time.sleep(0.05)

async def main():
    print("-- asyncio.sleep interleaves --")
    await asyncio.gather(polite("a"), polite("b"))
    print("-- time.sleep does not --")
    await asyncio.gather(rude("a"), rude("b"))

asyncio.run(main())
