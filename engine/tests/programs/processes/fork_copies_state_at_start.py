import multiprocessing

config = {"mode": "created"}

def show():
    print("child mode:", config["mode"])

if __name__ == "__main__":
    p = multiprocessing.Process(target=show)
    config["mode"] = "changed before start"
    p.start()
    config["mode"] = "changed after start"
    p.join()
    print("parent mode:", config["mode"])
