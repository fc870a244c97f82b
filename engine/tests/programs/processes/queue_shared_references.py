import multiprocessing

def echo(q_in, q_out):
    q_out.put(q_in.get())

if __name__ == "__main__":
    q_in = multiprocessing.Queue()
    q_out = multiprocessing.Queue()
    p = multiprocessing.Process(target=echo, args=(q_in, q_out))
    p.start()
    inner = [1, 2]
    outer = [inner, inner]
    outer.append(outer)
    q_in.put(outer)
    back = q_out.get()
    p.join()
    print(back[0] is back[1], back[2] is back, back[0])
