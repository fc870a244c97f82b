from multiprocessing import Pool

def wrap(x):
    return {"value": x, "tags": [x] * 2}

if __name__ == "__main__":
    with Pool(2) as pool:
        out = pool.map(wrap, [1, 2])
    print(out)
    out[0]["tags"].append(99)
    print(out[0], out[1])
