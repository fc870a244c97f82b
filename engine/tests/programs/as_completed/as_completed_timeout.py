import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    try:
        for fut in asyncio.as_completed([job(0.05), job(1.0), job(0.1)], timeout=0.2):
            print("got", await fut)
    except asyncio.TimeoutError:
        print("as_completed timed out")

asyncio.run(main())
