# bytes.partition and rpartition, and the Latin-1 codec (its aliases, and its error past U+00FF).
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"), b"abc".rpartition(b"x"))
print("café".encode("latin-1"), b"caf\xe9".decode("latin-1"), "x".encode("iso-8859-1"), b"\xff".decode("latin1"))
print(bytes("\xe9t\xe9", "latin_1"), "ÿ".encode("L1"))
for f in [lambda: "€".encode("latin-1"), lambda: "a\U0001f600".encode("latin-1"), lambda: b"x".partition(b""),
          lambda: b"x".partition("x"), lambda: b"x".partition()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
