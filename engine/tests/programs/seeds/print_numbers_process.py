import multiprocessing
def print_numbers():
    for i in range(1, 11):
        print(i)

p = multiprocessing.Process(target=print_numbers)
p.start()
