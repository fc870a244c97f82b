from concurrent.futures import ProcessPoolExecutor

def add(a, b):
    return a + b

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(add, 2, 3)
        print(f.result())
        print(f.done(), f.exception())
        g = ex.submit(add, a="x", b="y")
        print(g.result())
