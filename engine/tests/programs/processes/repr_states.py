import multiprocessing

def work():
    pass

def show(p):
    words = []
    for word in repr(p).split():
        key, eq, value = word.partition("=")
        words.append(key + "=N" if eq and key in ("pid", "parent") and value.isdigit() else word)
    print(" ".join(words))

if __name__ == "__main__":
    p = multiprocessing.Process(target=work, name="job")
    show(p)
    p.start()
    p.join()
    show(p)
    d = multiprocessing.Process(target=work, daemon=True)
    show(d)
    show(multiprocessing.current_process())
