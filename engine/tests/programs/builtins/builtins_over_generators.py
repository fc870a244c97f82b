# Builtins that consume a generator, a class's __iter__ or a lazy iterator: the same items are drawn, and the
# same operators and key functions called, in the same order as CPython's C loops.


def numbers(n):
    for i in range(n):
        print("  draw", i)
        yield i


def key(x):
    print("  key", x)
    return -x


print("sum", sum(numbers(3)), sum(numbers(2), 10), sum(numbers(2), start=0.5))
print("sum of lists", sum(([x] for x in numbers(2)), []))
print("max", max(numbers(3), key=key))
print("min", min(numbers(3), key=key))
print("max default", max(numbers(0), default="nothing"), min((x for x in []), key=key, default=None))
print("any", any(x > 0 for x in numbers(5)))
print("all", all(x < 1 for x in numbers(5)))
print("sorted", sorted(numbers(3), key=key, reverse=True))
print("join", "-".join(str(x) for x in numbers(3)))
items = ["a"]
items.extend(numbers(2))
print("extend", items)
print("list", list(numbers(2)))
print("tuple", tuple(numbers(2)))
print("set", set(x % 2 for x in numbers(3)))
print("frozenset", frozenset(x for x in [3, 1, 3]))
print("dict", dict((x, x * x) for x in numbers(3)))
print("map", list(map(lambda x: x * 10, numbers(2))), sum(map(abs, [-1, -2])))
print("filter", tuple(filter(None, numbers(3))))
print("zip", list(zip(numbers(3), "ab")))
print("enumerate", dict(enumerate(numbers(2), 1)))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1


print("class", sum(Countdown(4)), list(Countdown(3)), sorted(Countdown(3)), max(Countdown(3)))


class Mapping:
    def keys(self):
        return ["k"]

    def __getitem__(self, key):
        return key.upper()

    def __iter__(self):
        yield "not used by dict()"


print("dict of a mapping", dict(Mapping()))


def check(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


check("sum str", lambda: sum(x for x in ["a"]))
check("sum start str", lambda: sum((x for x in numbers(1)), ""))
check("sum bad kw", lambda: sum((x for x in numbers(1)), begin=1))
check("max empty", lambda: max(x for x in numbers(0)))
check("min empty", lambda: min(Countdown(0)))
check("max bad kw", lambda: max(numbers(1), keys=abs))
check("min uncomparable", lambda: min(x for x in [1, "a"]))
check("sorted bad kw", lambda: sorted(numbers(1), cmp=None))
check("join int", lambda: ", ".join(x for x in numbers(2)))
check("dict short", lambda: dict(x for x in [(1, 2), (3,)]))
check("dict not pair", lambda: dict(x for x in [1]))
check("list kw", lambda: list(numbers(1), x=1))
check("any two", lambda: any(numbers(1), numbers(1)))


def running():
    yield next(gen)


gen = running()
check("running", lambda: list(gen))


def stops():
    yield 1
    raise StopIteration


check("StopIteration", lambda: sum(stops()))


def failing():
    yield 1
    raise KeyError("boom")


print(tuple(failing()))
