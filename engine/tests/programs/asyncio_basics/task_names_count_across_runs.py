import asyncio

async def child():
    return asyncio.current_task().get_name()

async def main():
    names = [asyncio.current_task().get_name()]
    names.append(await asyncio.create_task(child()))
    names.append(await asyncio.create_task(child(), name=None))
    return names

print(asyncio.run(main()))
print(asyncio.run(main()))

async def with_gather():
    return await asyncio.gather(child(), child())

print(asyncio.run(with_gather()))
