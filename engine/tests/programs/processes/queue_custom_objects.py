import multiprocessing

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

def shift(q_in, q_out):
    p = q_in.get()
    p.x += 10
    q_out.put(p)

if __name__ == "__main__":
    q_in = multiprocessing.Queue()
    q_out = multiprocessing.Queue()
    worker = multiprocessing.Process(target=shift, args=(q_in, q_out))
    worker.start()
    pt = Point(1, 2)
    q_in.put(pt)
    moved = q_out.get()
    worker.join()
    print(pt, moved, type(moved) is Point)
