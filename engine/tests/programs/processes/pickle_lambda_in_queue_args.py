from multiprocessing import Pool
import pickle

def apply(f, x):
    return f(x)

if __name__ == "__main__":
    with Pool(1) as pool:
        try:
            pool.apply(apply, (lambda x: x + 1, 1))
        except pickle.PicklingError as e:
            print("PicklingError:", str(e).split(": ", 1)[1])
