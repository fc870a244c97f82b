# to_thread copies the current context: the thread sees the coroutine's ContextVar values, its changes stay there.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")

def handler():
    seen = request_id.get()
    request_id.set("changed in thread")
    return seen

async def main():
    request_id.set("req-42")
    print("thread saw:", await asyncio.to_thread(handler))
    print("coroutine still has:", request_id.get())

asyncio.run(main())
