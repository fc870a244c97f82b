x = 10
y = 3
print(f"{x=}")
print(f"{x + y=}")
print(f"{x / y = :.2f}")
name = "loop"
print(f"{name=!s} {name=}")
