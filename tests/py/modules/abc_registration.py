# abc: virtual subclasses, __subclasshook__, caches after register(),
# abstract members through inheritance, update_abstractmethods.
import abc
from abc import ABC, abstractmethod
class Animal(ABC):
    @abstractmethod
    def speak(self): ...
    @staticmethod
    @abstractmethod
    def kind(): ...
print(sorted(Animal.__abstractmethods__))
class Dog(Animal):
    def speak(self): return "woof"
try:
    Dog()
except TypeError as e:
    print(e)
class RealDog(Dog):
    @staticmethod
    def kind(): return "mammal"
print(RealDog().speak(), RealDog.kind(), isinstance(RealDog(), Animal), RealDog.__abstractmethods__)
class Robot:
    def speak(self): return "beep"
print(isinstance(Robot(), Animal))
Animal.register(Robot)
print(isinstance(Robot(), Animal), issubclass(Robot, Animal), issubclass(Robot, Dog))
@Animal.register
class Parrot:
    pass
print(Parrot.__name__, issubclass(Parrot, Animal))
class Late(ABC):
    @abstractmethod
    def a(self): ...
class Impl(Late):
    pass
Impl.a = lambda self: 1
abc.update_abstractmethods(Impl)
print(Impl().a(), Impl.__abstractmethods__)
print(type(ABC), ABC.__mro__, isinstance(Animal, abc.ABCMeta), abc.get_cache_token() >= 0)
class Plain(metaclass=abc.ABCMeta):
    x = 1
print(Plain().x, Plain.__abstractmethods__)
try:
    Animal()
except TypeError as e:
    print(e)
class Both(ABC):
    @property
    @abstractmethod
    def value(self): ...
    @value.setter
    def value(self, v): ...
print(sorted(Both.__abstractmethods__), Both.value.__isabstractmethod__)
