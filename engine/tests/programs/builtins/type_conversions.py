print(int("12") + int(3.9), float(2), str(3) + "4", bool([]), bool([0]))
print(list("hi"), tuple([1, 2]), set([2, 2, 1]), dict([("a", 1), ("b", 2)]))
print(list({"a": 1}.items()), sorted(set("hello")))
print(chr(65) + chr(66), ord("€"), hex(255), oct(8), bin(5), int("0x1f", 16))
print(repr(str(b"x")), repr(1.0), repr("1.0"), abs(-0.0))
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
