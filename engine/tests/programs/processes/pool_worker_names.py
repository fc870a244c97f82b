from multiprocessing import Pool, current_process

def name(_):
    return current_process().name

if __name__ == "__main__":
    with Pool(3) as pool:
        names = set(pool.map(name, range(30), chunksize=1))
    print(all(n.startswith("ForkPoolWorker-") for n in names))
    print([p.name for p in pool._pool])
