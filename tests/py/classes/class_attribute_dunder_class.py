class A:
    pass
a = A()
print(a.__class__ is A, a.__class__.__name__)
print(A.__class__.__name__, type(3).__name__, (3).__class__.__name__)
class B:
    pass
a.__class__ = B
print(type(a).__name__)
