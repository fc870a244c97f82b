# functools.partial passes keyword arguments through run_in_executor.
import asyncio
import functools

def join_words(*words, sep):
    return sep.join(words)

async def main():
    loop = asyncio.get_running_loop()
    call = functools.partial(join_words, "a", "b", "c", sep="-")
    print(await loop.run_in_executor(None, call))

asyncio.run(main())
