# Each thread may run its own event loop with asyncio.run; the loops are distinct objects.
import asyncio
import threading

loops = {}

async def job(name):
    loops[name] = asyncio.get_running_loop()
    await asyncio.sleep(0.05)
    return name.upper()

def thread_body(name, results):
    results.append(asyncio.run(job(name)))

results = []
threads = [threading.Thread(target=thread_body, args=(n, results)) for n in ("x", "y")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print("distinct loops:", loops["x"] is not loops["y"])
print("loops closed:", loops["x"].is_closed(), loops["y"].is_closed())
