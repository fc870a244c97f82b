# A task that reads the state again after its await works from fresh values: no update is lost.
import asyncio


class Stock:
    def __init__(self):
        self.items = 10


async def take(stock, n):
    await asyncio.sleep(0.01)
    if stock.items >= n:
        stock.items = stock.items - n


async def main():
    stock = Stock()
    await asyncio.gather(take(stock, 3), take(stock, 4))
    print(stock.items)


asyncio.run(main())
