class Stack:
    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)
        return self

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def __len__(self):
        return len(self._items)

s = Stack().push(1).push(2).push(3)
print(len(s), s.pop(), s.pop(), len(s))
s.pop()
try:
    s.pop()
except IndexError as e:
    print("IndexError:", e)
print(bool(s))
