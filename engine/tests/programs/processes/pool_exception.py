from multiprocessing import Pool

def check(x):
    if x == 3:
        raise KeyError(x)
    return x

if __name__ == "__main__":
    with Pool(2) as pool:
        try:
            pool.map(check, range(6))
        except KeyError as e:
            print("KeyError from a worker:", e)
        r = pool.apply_async(check, (3,))
        r.wait()
        print(r.successful())
        try:
            r.get()
        except KeyError as e:
            print("again:", e)
        print(pool.map(check, [1, 2]))
