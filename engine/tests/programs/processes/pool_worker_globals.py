from multiprocessing import Pool

calls = 0

def count(x):
    global calls
    calls += 1
    return x

if __name__ == "__main__":
    with Pool(2) as pool:
        pool.map(count, range(20))
    print("calls seen by the parent:", calls)
