a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -16 >> 2, ~0)
print(bin(a & b), format(a | b, "08b"), 1 << 100)
print((5).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
flags = 0
for bit in (0, 2, 5):
    flags |= 1 << bit
print(flags, [i for i in range(8) if flags >> i & 1])
