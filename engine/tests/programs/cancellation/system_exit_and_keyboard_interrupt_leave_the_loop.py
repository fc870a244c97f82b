# SystemExit and KeyboardInterrupt raised in a task leave the event loop: asyncio.run re-raises them (the task keeps the exception, and one never retrieved is reported at the end).
import asyncio
async def main():
    await asyncio.sleep(0.1)
    raise SystemExit(3)
try:
    asyncio.run(main())
except SystemExit as e:
    print("exit code", e.code)
async def child():
    raise KeyboardInterrupt
async def main2():
    t = asyncio.create_task(child())
    await asyncio.sleep(1)
    print("not reached")
try:
    asyncio.run(main2())
except KeyboardInterrupt:
    print("KI from task")
async def main3():
    raise SystemExit(0)
asyncio.run(main3())
print("not reached either")
