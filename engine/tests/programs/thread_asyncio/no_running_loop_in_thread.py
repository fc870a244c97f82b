# Inside a to_thread function there is no running event loop: get_running_loop() raises RuntimeError.
import asyncio

def probe():
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        return f"RuntimeError: {e}"

async def main():
    print(await asyncio.to_thread(probe))

asyncio.run(main())
