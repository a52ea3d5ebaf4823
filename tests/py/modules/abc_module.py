from abc import ABC, ABCMeta, abstractmethod, abstractproperty
import abc
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
print(Square(3).describe(), Shape.__abstractmethods__ == {"area", "perimeter"})
for cls in (Shape,):
    try:
        cls()
    except TypeError as e:
        print(e)
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
class P(ABC):
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
class Q(P):
    @property
    def name(self): return "q"
    @classmethod
    def make(cls): return cls()
print(Q.make().name, sorted(P.__abstractmethods__))
class Seq(metaclass=ABCMeta):
    pass
Seq.register(list)
print(isinstance([], Seq), issubclass(list, Seq), isinstance((), Seq), type(Seq), abc.ABCMeta)
class Duck(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck:
            return hasattr(C, "quack")
        return NotImplemented
class D:
    def quack(self): pass
print(isinstance(D(), Duck), isinstance(1, Duck), issubclass(D, Duck))
print(Square.__mro__, isinstance(Square(1), Shape))
