import asyncio


async def main():
    r = asyncio.StreamReader()
    r.feed_data(b"abc")
    r.feed_eof()
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print(e, e.partial, e.expected)
        print(isinstance(e, EOFError))
    r = asyncio.StreamReader()
    r.feed_data(b"line one\nline two")
    r.feed_eof()
    print(await r.readline())
    print(await r.readline())
    print(await r.readline())
    print(r.at_eof())
    r = asyncio.StreamReader()
    r.feed_data(b"a;b;c")
    r.feed_eof()
    print(await r.readuntil(b";"))
    print(await r.read(1))
    try:
        await r.readuntil(b"!")
    except asyncio.IncompleteReadError as e:
        print(e)


asyncio.run(main())
