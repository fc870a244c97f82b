class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        print(f"[{self.label}] start")
        return self

    def __exit__(self, *exc):
        print(f"[{self.label}] stop, exception={exc[0].__name__ if exc[0] else None}")
        return False

with Timer("work"):
    print("working")

try:
    with Timer("fail"):
        1 / 0
except ZeroDivisionError:
    print("division failed")
