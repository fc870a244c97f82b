total = 0.0
for i in range(10):
    total += 0.1
print(total, sum([0.1] * 10), round(total, 10))
import math
print(math.fsum([0.1] * 10))
prices = [19.99, 5.01, 3.50]
print(sum(prices), f"{sum(prices):.2f}")
print(1.1 * 3, 0.7 + 0.1, 4.35 * 100, 1 - 0.9)
