import asyncio

lock = asyncio.Lock()
async with lock:
    print("inside")
