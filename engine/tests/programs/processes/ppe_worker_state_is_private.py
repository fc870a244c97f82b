from concurrent.futures import ProcessPoolExecutor

seen = []

def remember(x):
    seen.append(x)
    return len(seen)

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        print(list(ex.map(remember, "abc")))
    print("parent list:", seen)
