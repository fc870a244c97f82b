print(int | None, type(int | None).__name__, int | str | int, str | list[int] | None)
x = int | str
print(isinstance(1, x), isinstance(1.5, x), issubclass(bool, x), x.__args__, (int | None).__args__)
print(int | str == str | int, int | str == int | None, int | int)
def f(a: int | None = None) -> list[str] | None:
    return a
print(f.__annotations__)
try:
    int | 3
except TypeError as e:
    print("TypeError", e)
print(hash(list[int]) == hash(list[int]), hash(int | str) == hash(str | int), hash(dict[str, int]) == hash(dict[str, bool]))
