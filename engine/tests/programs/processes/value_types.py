import multiprocessing

if __name__ == "__main__":
    i = multiprocessing.Value("i", 7)
    d = multiprocessing.Value("d", 2)
    f = multiprocessing.Value("d")
    print(i.value, d.value, f.value)
    print(i)
    print(d)
    i.value = 2 ** 31
    print(i.value)
    b = multiprocessing.Value("b", 200)
    print(b.value)
    try:
        multiprocessing.Value("i", 1.5)
    except TypeError as e:
        print("TypeError:", e)
    raw = multiprocessing.Value("i", 5, lock=False)
    print(raw, raw.value)
