import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("inner saw CancelledError")
                raise
    except TimeoutError as e:
        print("outer saw", type(e).__name__, repr(e.__context__))

asyncio.run(main())
