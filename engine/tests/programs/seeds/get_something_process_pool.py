from concurrent.futures import ProcessPoolExecutor
def get_something():
    # Simulate time-consuming operation
    import time
    time.sleep(2)
    return "I am the result"
with ProcessPoolExecutor() as executor:
    future1 = executor.submit(get_something)
    future2 = executor.submit(get_something)
    result1 = future1.result()
    result2 = future2.result()
print(result1, result2)
