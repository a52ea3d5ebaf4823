# A `__call__` found on the type is bound by the descriptor protocol: a
# function gets the instance, a class stays unbound, staticmethod and
# classmethod bind as usual.
class M(type):
    __call__ = dict
class A(metaclass=M):
    pass
print(A(a=1, b=2), type(A(x=0)))
class S:
    @staticmethod
    def __call__(x):
        return ("static", x)
print(S()(5))
class K:
    @classmethod
    def __call__(cls, x):
        return (cls.__name__, x)
print(K()(7))
class F:
    def __call__(self, *args, **kw):
        return (type(self).__name__, args, kw)
print(F()(1, 2, k=3), F().__call__(4))
class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)
class P(metaclass=Meta):
    def __init__(self, v):
        self.v = v
print(P(9).v)
def f(a, b=2):
    return a + b
print(f.__call__(1), f.__call__(1, b=10), len.__call__("abc"), [].append.__call__(1))
print(hasattr(f, "__call__"), hasattr(print, "__call__"), hasattr(F().__call__, "__call__"))
