from concurrent.futures import ProcessPoolExecutor
import time

def nap(t):
    time.sleep(t)
    return t

if __name__ == "__main__":
    ex = ProcessPoolExecutor(max_workers=1)
    fs = [ex.submit(nap, 0.1) for _ in range(6)]
    time.sleep(0.05)
    ex.shutdown(cancel_futures=True)
    states = [f.cancelled() for f in fs]
    print(states[0], states[-1])
