# A BoundedSemaphore made with a float value: its bound check compares floats, so a second release passes
# (as in CPython) and the trace pairs that release with nobody.
import asyncio


async def main():
    gate = asyncio.BoundedSemaphore(1e-308)
    async with gate:
        print("inside, locked:", gate.locked())
    gate.release()
    print("released twice, value:", gate._value)


asyncio.run(main())
