import asyncio
import contextvars
import threading

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")

def log(msg):
    print(f"[{request_id.get()}] {msg}")

async def handler(n):
    request_id.set(f"req-{n}")
    log("start")
    await asyncio.sleep(0.01 * (3 - n))
    log("end")
    return request_id.get()

async def main():
    results = await asyncio.gather(*(handler(i) for i in range(3)))
    print(results)
    log("main after gather")
    tok = request_id.set("main")
    t = asyncio.create_task(handler(9))
    await t
    log("main after task")
    request_id.reset(tok)
    log("reset")
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "in-ctx")
    print(ctx[request_id], request_id.get(), len(ctx), request_id in ctx)
    t = asyncio.create_task(handler(5), context=ctx)
    await t
    print(ctx[request_id])
    def in_thread():
        return request_id.get()
    print(await asyncio.to_thread(in_thread))
    request_id.set("outer")
    print(await asyncio.to_thread(in_thread))
    print(await asyncio.get_running_loop().run_in_executor(None, in_thread))
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(handler(7))
    print(a.result(), request_id.get())
    try:
        user.get()
    except LookupError as e:
        print("LookupError", type(e).__name__)
    print(user.get("anon"))

asyncio.run(main())
print(request_id.get())
def th():
    print("thread sees", request_id.get())
request_id.set("main-thread")
t = threading.Thread(target=th); t.start(); t.join()
tok = request_id.set("x")
request_id.reset(tok)
try:
    request_id.reset(tok)
except RuntimeError as e:
    print("RuntimeError", "already been used" in str(e))
try:
    user.reset(request_id.set("y"))
except ValueError as e:
    print("ValueError", "different ContextVar" in str(e))
ctx = contextvars.copy_context()
def nested():
    try:
        ctx.run(nested)
    except RuntimeError as e:
        print("nested", "already entered" in str(e))
ctx.run(nested)
print(sorted(v.name for v in ctx), ctx.get(user, "none"))
print(type(ctx).__name__, type(request_id).__module__)
print(contextvars.Token.MISSING, tok.old_value, tok.var is request_id)
