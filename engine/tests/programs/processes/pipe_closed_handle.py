import multiprocessing

if __name__ == "__main__":
    a, b = multiprocessing.Pipe()
    a.close()
    print(a.closed)
    try:
        a.send("x")
    except OSError as e:
        print("OSError:", e)
