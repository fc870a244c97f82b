from concurrent.futures import ProcessPoolExecutor

def fail(x):
    raise ValueError(f"cannot handle {x}")

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        f = ex.submit(fail, 42)
        try:
            f.result()
        except ValueError as e:
            print("ValueError:", e)
            print(type(e.__cause__).__name__)
        print(repr(f.exception()))
