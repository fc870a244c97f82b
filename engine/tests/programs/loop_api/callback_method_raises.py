"""A bound method given to call_soon raises: CPython names it without a file and line (only plain functions
get their place)."""
import asyncio


class Counter:
    def bump(self, by):
        raise ValueError(f"cannot bump by {by}")


def plain():
    raise KeyError("plain")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(Counter().bump, 2)
    loop.call_soon(plain)
    await asyncio.sleep(0)
    print("the loop goes on")


asyncio.run(main())
