import multiprocessing

if __name__ == "__main__":
    a = multiprocessing.Array("d", 3)
    print(a[:])
    a[0:2] = [1, 2]
    print(a[:])
    try:
        a[0:2] = [1]
    except ValueError as e:
        print("ValueError:", e)
    raw = multiprocessing.RawArray("i", [5, 6])
    raw[1] = 60
    print(raw[:])
