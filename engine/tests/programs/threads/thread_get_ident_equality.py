# get_ident() is the same within a thread, differs between threads, and equals current_thread().ident.
import threading

main_id = threading.get_ident()
results = []

def worker():
    first = threading.get_ident()
    second = threading.get_ident()
    results.append((first == second, first == threading.current_thread().ident, first != main_id))

t = threading.Thread(target=worker)
t.start()
t.join()
print("stable, matches current, not main:", results[0])
print("main matches main_thread():", main_id == threading.main_thread().ident)
