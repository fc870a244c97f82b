x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
s = "ab"
s *= 3
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
bits = 0b1100
bits |= 0b0011
bits &= 0b1010
bits ^= 0b1111
bits <<= 2
bits >>= 1
print(bits, bin(bits))
f = 7
f /= 2
print(f)
