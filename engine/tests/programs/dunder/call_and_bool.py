class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k

    def __bool__(self):
        return self.k != 0

triple = Multiplier(3)
print(triple(7), callable(triple), callable(3))
print(bool(Multiplier(0)), bool(triple))
if not Multiplier(0):
    print("zero multiplier is falsy")

class Sized:
    def __len__(self):
        return 0

print(bool(Sized()))
