import multiprocessing

N = 300


def add(counter, cells):
    for i in range(N):
        with counter.get_lock():
            counter.value += 1
        with cells.get_lock():
            cells[i % 3] += 1


if __name__ == "__main__":
    counter = multiprocessing.Value("i", 0)
    cells = multiprocessing.Array("i", 3)
    workers = [multiprocessing.Process(target=add, args=(counter, cells)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(counter.value == 4 * N, counter.value)
    print(sum(cells) == 4 * N, list(cells))
