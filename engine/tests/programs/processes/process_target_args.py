import multiprocessing

def greet(name, punctuation="!"):
    print(f"hello {name}{punctuation}")

if __name__ == "__main__":
    p = multiprocessing.Process(target=greet, args=("world",), kwargs={"punctuation": "?"})
    p.start()
    p.join()
    print("exit code", p.exitcode)
