# Tasks add to a shared balance kept in a list slot, yielding between the read and the write.
import asyncio

balance = [100]


async def deposit(amount):
    current = balance[0]
    await asyncio.sleep(0.01)
    balance[0] = current + amount


async def main():
    await asyncio.gather(deposit(10), deposit(20), deposit(30))
    print("balance", balance[0])


asyncio.run(main())
