import asyncio

async def fail(kind):
    await asyncio.sleep(0)
    raise kind(f"{kind.__name__} from a child")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError))
            tg.create_task(fail(TypeError))
    except* ValueError as eg:
        print("values:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("types:", [str(e) for e in eg.exceptions])

asyncio.run(main())
