# printf-style formatting of bytes (PEP 461), as protocols and sockets use it.
class Tag:
    def __bytes__(self):
        return b"<tag>"


print(b"ping %d\n" % 7)
print(b"%s and %b" % (b"raw", bytearray(b"array")))
print(b"%5.2f|%-4d|%x|%05i|%c%c" % (3.14159, 42, 255, -3, 65, b"z"))
print(b"%r %a" % ("caf\u00e9", b"\xff"))
print(b"%(name)s is %(age)d" % {b"name": b"Ada", b"age": 36})
print(b"%s" % Tag())
print(b"100%% done" % ())
print(b"\xe9t\xe9 %s" % b"\xff")
for bad in [(b"%s", "text"), (b"%s", 5), (b"%c", 256), (b"%c", b"ab"), (b"%d %d", (1,)), (b"%d", (1, 2)),
            (b"%(k)s", {"k": b"v"}), (b"%y", 1)]:
    try:
        print(bad[0] % bad[1])
    except Exception as e:
        print(type(e).__name__, e)
