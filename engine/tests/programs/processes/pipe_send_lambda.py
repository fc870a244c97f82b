import multiprocessing
import pickle

if __name__ == "__main__":
    a, b = multiprocessing.Pipe()
    try:
        a.send(lambda x: x)
    except pickle.PicklingError as e:
        print(type(e).__name__, "|", str(e).split(" at ")[0])
    def local():
        pass
    try:
        a.send(local)
    except AttributeError as e:
        print("AttributeError:", e)
