# Calling run() directly runs the target in the calling thread; no new thread is involved.
import threading

def where():
    print("running in", threading.current_thread().name)

t = threading.Thread(target=where, name="never-started")
t.run()
print("alive:", t.is_alive(), "ident:", t.ident)
