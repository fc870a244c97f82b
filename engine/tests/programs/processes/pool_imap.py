from multiprocessing import Pool

def cube(x):
    return x ** 3

if __name__ == "__main__":
    with Pool(3) as pool:
        for value in pool.imap(cube, range(6)):
            print(value)
        print(sorted(pool.imap_unordered(cube, range(6))))
        print(list(pool.imap(cube, range(7), chunksize=3)))
        try:
            pool.imap(cube, range(3), chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
