import multiprocessing
import os

if __name__ == "__main__":
    print(multiprocessing.cpu_count() == os.cpu_count())
    print(multiprocessing.cpu_count() >= 1)
