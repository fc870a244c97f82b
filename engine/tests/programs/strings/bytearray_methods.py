ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[-1], ba[1:3], list(ba[:2]), bytearray(), bytearray(3), bytearray([1, 2, 255]))
print(bytearray("héllo", "utf-8"), bytearray(range(65, 70)))
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 72)
ba.insert(-1, 0x5a)
ba.remove(ord("?"))
print(ba)
ba[1:3] = b"EL"
print(ba)
del ba[0]
print(ba, ba.upper(), ba.split(b"L"), ba.decode(), ba.hex(), ba.find(b"L"), ba.count(b"?"))
print(ba == bytearray(ba), ba == bytes(ba), bytes(ba) == ba, ba != b"x", b"ab" + bytearray(b"cd"), bytearray(b"ab") + b"cd")
print(bytearray(b"ab") * 3, 98 in bytearray(b"abc"), b"bc" in bytearray(b"abc"), isinstance(ba, bytearray), type(ba).__name__)
x = bytearray(b"ab")
x += b"cd"
print(x, x.copy(), x.startswith(b"ab"), b"-".join([bytearray(b"a"), b"b"]), bytearray(b"  pad ").strip())
x.reverse()
print(x, sorted(x), [c for c in x])
for bad in [lambda: bytearray(b"a").append(256), lambda: bytearray()[0], lambda: bytearray().pop(),
            lambda: bytearray(b"a").remove(98), lambda: hash(bytearray()), lambda: bytearray("x"),
            lambda: bytearray(b"a") + "x", lambda: bytearray(-1), lambda: bytearray([300])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
x.clear()
print(x, bool(x), bool(bytearray(b"a")))
