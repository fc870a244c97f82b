from multiprocessing import Pool
import threading

def make_lock(_):
    return threading.Lock()

if __name__ == "__main__":
    with Pool(1) as pool:
        try:
            pool.apply(make_lock, (0,))
        except Exception as e:
            print(type(e).__name__)
            print(str(e).split("Reason: ")[1])
