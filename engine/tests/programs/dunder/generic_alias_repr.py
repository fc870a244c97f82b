from collections import deque

print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[frozenset[str]])
print(list[int] == list[int], list[int] == list[str], list[int].__origin__, dict[str, int].__args__)
print(deque[int], list["X"])
x: list[int] = [1]
def f(a: dict[str, int]) -> list[str]: pass
print(f.__annotations__)
print(list[int]([1, 2]), dict[str, int](a=1), tuple[int, ...]("ab"), set[int]())
