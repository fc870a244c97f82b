# run_in_executor takes no keyword arguments for the function: TypeError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, print, "a", "b", sep="-")

asyncio.run(main())
