import asyncio

async def main():
    stack = asyncio.LifoQueue()
    for word in ["first", "second", "third"]:
        stack.put_nowait(word)
    print(stack.qsize())
    while not stack.empty():
        print(stack.get_nowait())

asyncio.run(main())
