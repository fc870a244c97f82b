from concurrent.futures import ProcessPoolExecutor

def count_primes(limit):
    count = 0
    for n in range(2, limit):
        for d in range(2, int(n ** 0.5) + 1):
            if n % d == 0:
                break
        else:
            count += 1
    return count

if __name__ == "__main__":
    limits = [1000, 2000, 3000, 4000]
    with ProcessPoolExecutor() as ex:
        counts = list(ex.map(count_primes, limits))
    for limit, count in zip(limits, counts):
        print(f"primes below {limit}: {count}")
