import multiprocessing

counter = 0
items = [1, 2, 3]

def child():
    global counter
    counter += 100
    items.append(4)
    print("child sees", counter, items)

if __name__ == "__main__":
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    print("parent sees", counter, items)
