from multiprocessing import Pool

def double(x):
    return 2 * x

def bad(x):
    raise ValueError(f"bad input {x}")

if __name__ == "__main__":
    results = []
    errors = []
    pool = Pool(3)
    for i in range(5):
        pool.apply_async(double, (i,), callback=results.append)
    pool.apply_async(bad, (7,), error_callback=lambda e: errors.append(repr(e)))
    pool.close()
    pool.join()
    print(sorted(results))
    print(errors)
