import multiprocessing

def square_all(arr):
    for i in range(len(arr)):
        arr[i] = arr[i] * arr[i]

if __name__ == "__main__":
    arr = multiprocessing.Array("i", [1, 2, 3, 4])
    p = multiprocessing.Process(target=square_all, args=(arr,))
    p.start()
    p.join()
    print(arr[:])
    print(list(arr), len(arr), arr[-1])
