import asyncio

async def important():
    await asyncio.sleep(0.2)
    print("important work finished")
    return "saved"

async def main():
    task = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.05)
    except asyncio.TimeoutError:
        print("timed out, but task cancelled?", task.cancelled())
    print(await task)

asyncio.run(main())
