import asyncio

async def slow_operation():
    try:
        await asyncio.sleep(1)
        return "finished"
    except asyncio.CancelledError:
        print("slow_operation was cancelled")
        raise

async def main():
    try:
        await asyncio.wait_for(slow_operation(), timeout=0.1)
    except asyncio.TimeoutError:
        print("timeout!")
    print(asyncio.TimeoutError is TimeoutError)

asyncio.run(main())
