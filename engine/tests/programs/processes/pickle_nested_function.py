import multiprocessing

def outer():
    def inner():
        return 1
    return inner

if __name__ == "__main__":
    a, b = multiprocessing.Pipe()
    try:
        a.send(outer())
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        a.send(outer)
        print("a module-level function travels by name:", b.recv() is outer)
    except Exception as e:
        print("unexpected", e)
