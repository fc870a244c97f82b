# A tutorial's first process: the child is a copy of this program (Linux forks it) with its own interpreter and
# its own GIL. The parent never joins it; multiprocessing waits for its children when the program ends.
import multiprocessing


def print_numbers():
    for i in range(1, 11):
        print(i)


p = multiprocessing.Process(target=print_numbers)
p.start()
