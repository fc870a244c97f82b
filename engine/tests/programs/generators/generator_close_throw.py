def worker():
    try:
        while True:
            try:
                item = yield
                print("got", item)
            except ValueError as e:
                print("handled", e)
    finally:
        print("worker closing")

w = worker()
next(w)
w.send("a")
w.throw(ValueError("oops"))
w.send("b")
w.close()
print("closed")
try:
    w.send("c")
except StopIteration:
    print("StopIteration after close")
