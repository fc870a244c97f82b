from concurrent.futures import ProcessPoolExecutor

def square(x):
    return x * x

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as ex:
        print(list(ex.map(square, range(10))))
        print(list(ex.map(square, range(10), chunksize=4)))
        print(list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
        try:
            ex.map(square, [1], chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
