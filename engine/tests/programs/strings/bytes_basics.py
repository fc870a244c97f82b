b = b"hello"
print(b, b[0], b[1:3], len(b), list(b[:2]))
print(b.upper(), b + b"!", b * 2, b"ell" in b)
print(bytes([65, 66, 67]), bytes(3), bytearray(b"ab"))
ba = bytearray(b"abc")
ba[0] = 122
ba.append(33)
print(ba, bytes(ba))
print(b.hex(), bytes.fromhex("4142"), "é".encode(), b"\xc3\xa9".decode())
