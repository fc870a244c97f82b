import asyncio


async def heartbeat():
    for beat in range(4):
        print(f"heartbeat {beat}")
        await asyncio.sleep(0.01)


async def hog():
    print("hog: crunching numbers without ever awaiting")
    total = 0
    for i in range(100_000):
        total += i * i
    print(f"hog: done, total = {total}")


async def main():
    beats = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    # While hog loops, nothing else can run: the heartbeat misses its beats.
    await hog()
    await beats


asyncio.run(main())
