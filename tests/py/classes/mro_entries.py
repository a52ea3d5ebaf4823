# PEP 560: a base that is not a class but has __mro_entries__ stands for
# the classes it returns; the original bases stay in __orig_bases__.
class Marker:
    def __init__(self, *real):
        self.real = real
    def __mro_entries__(self, bases):
        print("mro_entries called with", len(bases), "bases")
        return self.real
class Base:
    def hello(self):
        return "hello from Base"
class Mixin:
    def extra(self):
        return "extra"
m = Marker(Base, Mixin)
class C(m):
    pass
print(C.__bases__, C.__mro__, C().hello(), C().extra())
print(C.__orig_bases__[0] is m)
class D(Base):
    pass
print("__orig_bases__" in D.__dict__)
class Empty:
    def __mro_entries__(self, bases):
        return ()
class E(Empty()):
    pass
print(E.__bases__)
class Bad:
    def __mro_entries__(self, bases):
        return [Base]
try:
    class F(Bad()):
        pass
except TypeError as e:
    print(e)
class G(list[int]):
    def total(self):
        return sum(self)
print(G([1, 2, 3]).total(), G.__orig_bases__, G.__mro__)
