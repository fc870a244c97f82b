from concurrent.futures import ProcessPoolExecutor

def fail(x):
    raise ValueError(f"cannot handle {x}")

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        ex.submit(fail, 1).result()
