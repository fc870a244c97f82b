# A cancelled task hands out its CancelledError (with the message) once; result() and exception() after that raise a new one without it, as the C task does.
import asyncio
async def x():
    await asyncio.sleep(1)
async def main():
    t = asyncio.create_task(x())
    t.cancel("m")
    try:
        await t
    except asyncio.CancelledError as e:
        print("first", repr(e))
    for _ in range(2):
        try:
            t.result()
        except asyncio.CancelledError as e:
            print("again", repr(e))
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception()", repr(e))
    f = asyncio.get_running_loop().create_future()
    f.cancel("fm")
    for _ in range(2):
        try:
            f.result()
        except asyncio.CancelledError as e:
            print("fut", repr(e))
asyncio.run(main())
