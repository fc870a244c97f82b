import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return f"{name}-data"

async def main():
    results = await asyncio.gather(fetch("slow", 0.3), fetch("fast", 0.1), fetch("medium", 0.2))
    print(results)

asyncio.run(main())
