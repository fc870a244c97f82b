import asyncio


async def job(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} failed")
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled by the group")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("fast", 0.1))
            group.create_task(job("broken", 0.2, fail=True))
            group.create_task(job("slow", 1.0))
    except* ValueError as errors:
        # When one task fails the group cancels the rest, then raises them together.
        for error in errors.exceptions:
            print("caught:", error)


asyncio.run(main())
