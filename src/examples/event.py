import asyncio


async def runner(name, start_signal):
    print(f"{name} is on the blocks")
    await start_signal.wait()
    print(f"{name} is off!")


async def starter(start_signal):
    print("starter: ready... set...")
    await asyncio.sleep(1)
    print("starter: go!")
    start_signal.set()  # wakes every waiter at once


async def main():
    start_signal = asyncio.Event()
    await asyncio.gather(
        runner("Ana", start_signal),
        runner("Ben", start_signal),
        runner("Cy", start_signal),
        starter(start_signal),
    )


asyncio.run(main())
