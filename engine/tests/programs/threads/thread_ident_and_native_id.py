# ident and native_id are None before start() and set once the thread has started; they stay after it ends.
import threading

seen = {}

def worker():
    seen["ident"] = threading.get_ident()
    seen["native"] = threading.get_native_id()

t = threading.Thread(target=worker)
print("before:", t.ident, t.native_id)
t.start()
print("ident set:", t.ident is not None)
print("native_id set:", t.native_id is not None)
t.join()
print("ident after join:", t.ident is not None)
print("matches get_ident:", seen["ident"] == t.ident)
print("matches get_native_id:", seen["native"] == t.native_id)
print("differs from main:", t.ident != threading.get_ident())
