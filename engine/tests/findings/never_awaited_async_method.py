# A coroutine method called without await: the save never happens.
import asyncio


class Store:
    def __init__(self):
        self.saved = []

    async def save(self, item):
        await asyncio.sleep(0.01)
        self.saved.append(item)


async def main():
    store = Store()
    store.save("a")
    await store.save("b")
    print(store.saved)


asyncio.run(main())
