class Base:
    __slots__ = ("a",)
class Child(Base):
    __slots__ = ("b",)
class Free(Base):
    pass
c = Child()
c.a, c.b = 1, 2
print(c.a, c.b, hasattr(c, "__dict__"))
f = Free()
f.a = 1
f.z = 26
print(f.z, vars(f))
print(Base.__slots__, Child.__slots__)
