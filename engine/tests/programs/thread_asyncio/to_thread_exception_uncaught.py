# An exception raised in the to_thread function propagates through await and out of asyncio.run.
import asyncio

def read_config():
    raise PermissionError("config is not readable")

async def main():
    print("reading in a thread")
    await asyncio.to_thread(read_config)

asyncio.run(main())
