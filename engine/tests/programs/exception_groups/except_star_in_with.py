# except* inside a with (and an async with) leaves the context manager's exit in place.
import asyncio


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("exit", a[0])

    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        print("async exit", a[0])


with CM():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as eg:
        print("values", eg.exceptions)
    except* KeyError as eg:
        print("keys", eg.exceptions)

try:
    with CM():
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("handled the ValueError")
except* TypeError as eg:
    print("outside", eg.exceptions)


async def main():
    async with CM():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(asyncio.sleep(0))
                raise ValueError(3)
        except* ValueError as eg:
            print("caught", eg.exceptions)


asyncio.run(main())
