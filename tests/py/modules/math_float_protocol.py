# math functions take what float() takes: ints, floats, objects with
# __float__ or __index__; and refuse keyword arguments where CPython does.
import math
class F:
    def __float__(self): return 2.25
class I:
    def __index__(self): return 9
class B:
    def __float__(self): return "x"
print(math.sqrt(F()), math.sqrt(I()), math.floor(2.5), math.atan2(F(), I()))
for bad in (B(), "s", None):
    try:
        math.sqrt(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    math.exp(10**400)
except OverflowError as e:
    print("OverflowError", e)
print(math.log(F()), math.hypot(F(), I()), math.copysign(I(), -1.0))
# Functions that take no keyword arguments say so, with CPython's names.
for f in ('sqrt', 'log', 'atan2', 'floor', 'fsum', 'gcd', 'pow', 'hypot', 'comb', 'factorial', 'frexp', 'ldexp', 'dist',
          'nextafter', 'ulp', 'isqrt', 'perm', 'modf', 'fmod', 'trunc', 'ceil', 'copysign', 'degrees', 'lcm', 'isinf'):
    try:
        getattr(math, f)(x=1)
    except TypeError as e:
        print(f, e)
print(math.isclose(1.0, F(), rel_tol=2.0), math.prod([2.5, 2], start=2))
