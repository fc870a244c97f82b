import multiprocessing

def mutate(q_in, q_out):
    data = q_in.get()
    data["seen_by_child"] = True
    q_out.put(data)

if __name__ == "__main__":
    q_in = multiprocessing.Queue()
    q_out = multiprocessing.Queue()
    original = {"values": [1, 2, 3]}
    p = multiprocessing.Process(target=mutate, args=(q_in, q_out))
    p.start()
    q_in.put(original)
    back = q_out.get()
    p.join()
    print(original)
    print(back)
    print(back is original, back == original)
