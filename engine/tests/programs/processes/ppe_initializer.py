from concurrent.futures import ProcessPoolExecutor

factor = 1

def init(f):
    global factor
    factor = f

def scale(x):
    return x * factor

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2, initializer=init, initargs=(10,)) as ex:
        print(list(ex.map(scale, [1, 2, 3])))
    print(factor)
