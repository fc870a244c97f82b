import asyncio

async def compute(x):
    await asyncio.sleep(0.01)
    return x * 2

result = asyncio.run(compute(21))
print("result:", result)
print(asyncio.run(compute(5)) + 1)
