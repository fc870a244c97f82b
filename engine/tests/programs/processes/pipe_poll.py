import multiprocessing
import time

def later(conn):
    time.sleep(0.3)
    conn.send("late message")

if __name__ == "__main__":
    a, b = multiprocessing.Pipe()
    p = multiprocessing.Process(target=later, args=(b,))
    p.start()
    print("ready now?", a.poll())
    print("ready within 0.1 s?", a.poll(0.1))
    print("ready eventually?", a.poll(None))
    print(a.recv())
    p.join()
