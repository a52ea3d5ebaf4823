# Calls that fill parameters from defaults, through every way of calling.
def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)

print(f(1), f(1, 3), f(1, 3, []), f(5))
print(f.__defaults__[1] is f.__defaults__[1], f(0)[2])
f.__defaults__ = (20, ["x"])
print(f(1), f(1, 2))
f.__defaults__ = (30,)
try:
    f(1)
except TypeError as e:
    print(e)
print(f(1, 2, []))
f.__defaults__ = None
try:
    f(1, 2)
except TypeError as e:
    print(e)

def g(a, b=1, *, k=3):
    return a + b + k
print(g(1), g(1, 2), g(1, k=10), g(b=5, a=1))

def gen(n, step=2):
    yield from range(0, n, step)
print(list(gen(7)), list(gen(7, 3)))

class C:
    def __init__(self, x, y=10):
        self.total = x + y
    def m(self, p, q="q"):
        return p + q
c = C(1)
print(c.total, C(1, 2).total, c.m("p"), c.m("p", "r"), C.m(c, "s"))
bound = c.m
print(bound("z"), list(map(bound, "ab")))

def outer(base):
    def inner(x, y=base):
        return x * y
    return inner
print(outer(3)(2), outer(3)(2, 5))
print(sorted([3, 1, 2], key=lambda v, w=10: w - v))

def kw(alpha, béta=2, *, gamma=3):
    return alpha, béta, gamma
print(kw(1, béta=5), kw(alpha=0, gamma=1))
for bad in ({"delta": 1}, {"alpha": 2}):
    try:
        kw(1, **bad)
    except TypeError as e:
        print(e)
def rec(n, acc=0):
    return acc if n == 0 else rec(n - 1, acc + n)
print(rec(100), rec(10, 1))
