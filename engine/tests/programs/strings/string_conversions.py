print(int("42"), int("  -7 "), int("ff", 16), int("0b101", 0), int("1_000"))
print(float("3.5"), float("1e-3"), float("inf"), float("-inf"), float("  2 "))
print(str(0.1), str(1 / 3), str(2.5e-10), str(1e16), str(123456789012345678.0))
try:
    int("3.5")
except ValueError as e:
    print("ValueError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
print(bool(""), bool("False"), list(map(int, "1 2 3".split())))
