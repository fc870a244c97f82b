from multiprocessing import Pool
import pickle

if __name__ == "__main__":
    with Pool(2) as pool:
        try:
            pool.map(lambda x: x * 2, range(3))
        except pickle.PicklingError as e:
            print("PicklingError:", str(e).split(" at ")[0], "...", str(e).split(": ", 1)[1])
