# aiohttp starts tasks of its own: one for a host's first lookup (the next requests find it cached), and one to
# close a session's open connections. The program's tasks are numbered after them.
import asyncio

import aiohttp


def next_name():
    return asyncio.create_task(asyncio.sleep(0)).get_name()


async def main():
    async with aiohttp.ClientSession() as session:
        print(next_name())
        async with session.get("http://example.com/") as resp:
            print(resp.status, next_name())
        async with session.get("http://example.com/again") as resp:
            print(resp.status, next_name())
        async with session.get("http://httpbin.org/get") as resp:
            print(resp.status, next_name())
    print("closed", next_name())
    async with aiohttp.ClientSession() as session:
        print("new session", next_name())
    print("closed with nothing open", next_name())


asyncio.run(main())
