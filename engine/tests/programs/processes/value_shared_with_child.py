import multiprocessing

def set_it(v, flag):
    v.value = 3.25
    flag.value = 1

if __name__ == "__main__":
    v = multiprocessing.Value("d", 0.0)
    flag = multiprocessing.Value("i", 0)
    p = multiprocessing.Process(target=set_it, args=(v, flag))
    p.start()
    p.join()
    print(v.value, flag.value)
