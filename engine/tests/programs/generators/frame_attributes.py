import asyncio
def g():
    yield 1
    yield 2
it = g()
print(it.gi_frame is it.gi_frame, type(it.gi_frame).__name__, it.gi_frame.f_lineno)
next(it)
print(it.gi_frame.f_lineno)
list(it)
print(it.gi_frame)
async def work():
    await asyncio.sleep(0.01)
async def main():
    c = work()
    print(c.cr_frame is None)
    try:
        c.gi_frame
    except AttributeError as e:
        print(e)
    await c
    print(c.cr_frame)
asyncio.run(main())
def watcher():
    yield me.gi_running, me.gi_suspended
me = watcher()
print(me.gi_running, me.gi_suspended)
print(next(me))
print(me.gi_running, me.gi_suspended)
me.close()
print(me.gi_running, me.gi_suspended, me.gi_frame)
