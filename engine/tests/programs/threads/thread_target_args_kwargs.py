# Thread passes args and kwargs to its target; join() waits for it to finish.
import threading

def greet(greeting, name, punct="."):
    print(f"{greeting}, {name}{punct}")

t = threading.Thread(target=greet, args=("Hello", "Ada"), kwargs={"punct": "!"})
t.start()
t.join()
print("joined")
