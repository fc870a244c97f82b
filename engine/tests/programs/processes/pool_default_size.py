import multiprocessing
import os

if __name__ == "__main__":
    pool = multiprocessing.Pool()
    print(len(pool._pool) == os.cpu_count())
    pool.close()
    pool.join()
    try:
        multiprocessing.Pool(0)
    except ValueError as e:
        print("ValueError:", e)
