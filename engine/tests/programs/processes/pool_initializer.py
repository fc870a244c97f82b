from multiprocessing import Pool

state = {}

def init(prefix):
    state["prefix"] = prefix

def tag(x):
    return f"{state['prefix']}{x}"

if __name__ == "__main__":
    with Pool(2, initializer=init, initargs=("item-",)) as pool:
        print(pool.map(tag, range(4)))
    print(state)
