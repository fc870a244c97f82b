print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5))
minutes, seconds = divmod(3725, 60)
hours, minutes = divmod(minutes, 60)
print(f"{hours}:{minutes:02d}:{seconds:02d}")
print(pow(2, 8), pow(2, 8, 5), pow(2.0, -2), 2 ** 3 ** 2, (-2) ** 2, -2 ** 2)
print(10 ** -2, 4 ** 0.5, 8 ** (1 / 3))
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
