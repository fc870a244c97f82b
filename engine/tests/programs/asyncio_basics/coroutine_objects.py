import asyncio
import inspect

async def greet(name):
    return f"hi {name}"

coro = greet("x")
print(type(coro).__name__, asyncio.iscoroutine(coro), inspect.iscoroutinefunction(greet))
print(asyncio.iscoroutinefunction(greet), asyncio.iscoroutine(greet))
print(asyncio.run(coro))
try:
    asyncio.run(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
