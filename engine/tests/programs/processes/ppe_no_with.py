from concurrent.futures import ProcessPoolExecutor

def shout(word):
    return word.upper()

ex = ProcessPoolExecutor(max_workers=2)
print(ex.submit(shout, "done without shutdown").result())
