import asyncio

def chain(loop, n, done):
    print("step", n)
    if n == 3:
        done.set_result("chain finished")
    else:
        loop.call_soon(chain, loop, n + 1, done)

async def ticker():
    for i in range(4):
        print("ticker", i)
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_soon(chain, loop, 1, done)
    t = asyncio.create_task(ticker())
    print(await done)
    await t

asyncio.run(main())
