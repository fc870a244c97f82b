from multiprocessing import Pool

def ident(x):
    return x

if __name__ == "__main__":
    pool = Pool(2)
    try:
        pool.join()
    except ValueError as e:
        print("ValueError:", e)
    pool.close()
    try:
        pool.map(ident, [1])
    except ValueError as e:
        print("ValueError:", e)
    pool.join()
    print(pool)
