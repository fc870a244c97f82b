# An abstract class's type is its metaclass, abc.ABCMeta, whether it derives from ABC or names the metaclass.
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self): ...


class Square(Shape):
    def area(self):
        return 4


class Named(metaclass=ABCMeta):
    pass


class Plain:
    pass


print(type(ABC), type(Shape), type(Square), type(Named), type(Plain))
print(type(Shape) is ABCMeta, type(Named) is ABCMeta, type(Plain) is type)
print(isinstance(Shape, ABCMeta), isinstance(Square, type), isinstance(Plain, ABCMeta))
print(Square.__class__, Plain.__class__, type(ABCMeta), type(type(Square)))
print(type(Square()).__name__, type(Square().area()))
