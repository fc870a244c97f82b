try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
import math
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(10 ** 400 > 1e308)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
