import asyncio


async def save(order):
    await asyncio.sleep(0.1)  # the database takes a moment
    print(f"saved {order}")


async def main():
    await save("order 1")
    save("order 2")  # forgot the await: the coroutine is made, and never runs
    await asyncio.sleep(0.5)
    print("done, but order 2 was never saved")


asyncio.run(main())
