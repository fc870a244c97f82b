# The report of an uncaught exception names the thread by its given name.
import threading

def load():
    config = {}
    return config["path"]

t = threading.Thread(target=load, name="loader")
t.start()
t.join()
print("after loader failed")
