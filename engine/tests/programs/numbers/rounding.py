print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(3.14159, 3), round(1234.5678, -2), round(1234, -2), round(-0.4))
print(round(7), type(round(7.0)).__name__, type(round(7.0, 1)).__name__, round(15, -1), round(25, -1))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.1))
print(math.sqrt(16), math.pi, math.e, math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.factorial(20))
print(math.inf > 10 ** 300, math.isnan(float("nan")), math.log(math.e), math.log10(1000), math.log2(8), math.hypot(3, 4))
