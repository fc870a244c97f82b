from concurrent.futures import ProcessPoolExecutor

def ident(x):
    return x

if __name__ == "__main__":
    ex = ProcessPoolExecutor(max_workers=2)
    print(ex.submit(ident, "first").result())
    ex.shutdown()
    try:
        ex.submit(ident, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print("ValueError:", e)
