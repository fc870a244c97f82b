from concurrent.futures import ProcessPoolExecutor

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        f = ex.submit(lambda: 1)
        e = f.exception()
        print(type(e).__name__, "|", str(e).split(": ", 1)[1])
