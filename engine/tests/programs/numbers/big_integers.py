print(2 ** 100)
print(2 ** 64 - 1, -(2 ** 63))
print(10 ** 30 // 7, 10 ** 30 % 7)
a = 123456789123456789123456789
b = 987654321987654321
print(a * b, a // b, a % b, -a // b, -a % b)
print(a + b, a - b * 1000000000, abs(-a))
n = 1
for i in range(1, 31):
    n *= i
print(n, len(str(n)))
print(int("9" * 40) + 1)
print(hex(2 ** 70), bin(2 ** 10 + 1), oct(-(8 ** 5)))
print((2 ** 100).bit_length(), (255).bit_length(), (-1).bit_length())
print(2 ** 100 == 2.0 ** 100, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(pow(3, 200, 1000003), pow(2, -1, 7))
