import asyncio


async def main():
    try:
        await asyncio.open_connection("127.0.0.1", 1)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno)
        print(e)
    except OSError as e:
        print("OSError", e)


asyncio.run(main())
