import asyncio


async def transfer(name, first, second):
    async with first["lock"]:
        print(f"{name} holds {first['name']}")
        await asyncio.sleep(0.1)  # the other task grabs its first lock meanwhile
        print(f"{name} waits for {second['name']}")
        async with second["lock"]:
            print(f"{name} holds both")  # never reached


async def main():
    a = {"name": "lock A", "lock": asyncio.Lock()}
    b = {"name": "lock B", "lock": asyncio.Lock()}
    tasks = [
        asyncio.create_task(transfer("alice", a, b)),
        asyncio.create_task(transfer("bob", b, a)),
    ]
    # Each holds one lock and waits for the other's: neither can go on.
    done, pending = await asyncio.wait(tasks, timeout=1)
    if pending:
        print(f"deadlock: {len(pending)} tasks still waiting after 1 s")
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        print("cancelled them to break the deadlock")


asyncio.run(main())
