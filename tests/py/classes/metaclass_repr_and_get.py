# A metaclass's __repr__ prints its classes; functions, staticmethod and
# classmethod objects are descriptors with a callable __get__.
class Meta(type):
    def __repr__(cls):
        return f"<kind {cls.__name__}>"
class A(metaclass=Meta):
    pass
class B(A):
    pass
print(A, B, repr(A), str(B), f"{A}", [A, B], {"k": B}, "%s/%r" % (A, B))
class Plain(type):
    pass
class C(metaclass=Plain):
    pass
print(C, type(C))
def f(self=None, *args):
    return ("f", type(self).__name__, args)
class D:
    pass
d = D()
print(hasattr(f, "__get__"), f.__get__(d)(), f.__get__(None, D) is f, f.__get__(d, D)(1, 2))
sm, cm = staticmethod(f), classmethod(f)
print(hasattr(sm, "__get__"), sm.__get__(d)(), hasattr(cm, "__get__"), cm.__get__(d, D)())
print(type(f.__get__(d)).__name__, f.__get__(d).__self__ is d)
print(hasattr(property(f), "__get__"), property(lambda self: 42).__get__(d, D))
