import asyncio

async def heartbeat():
    for i in range(3):
        print("heartbeat", i)
        await asyncio.sleep(0)

async def crunch():
    total = 0
    for i in range(200000):
        total += i
    print("crunch finished:", total)

async def main():
    await asyncio.gather(heartbeat(), crunch(), heartbeat())

asyncio.run(main())
