import math as m
from math import sqrt, floor as fl
import collections.abc
from asyncio import sleep, run

print(m.pi > 3, sqrt(9), fl(2.7))
print(isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.Mapping))
print(sleep.__name__, run.__name__)
try:
    import not_a_real_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from math import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" from ")[0], e.name)
