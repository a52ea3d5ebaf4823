# Calls of builtin types with few arguments (a direct path without an
# argument vector), str() of machine ints, and dict stores decided in
# one probe: subclasses, metaclasses, errors, mixed keys, Python __eq__.
import sys
class I(int): pass
class F(float): pass
class S(str): pass
x = 10**20
print(type(I(5)), I(5) == 5, type(int(I(7))), int(True), type(int(True)))
y = 123456789
print(float(3), float(-7), float(2**53+1), float(-(2**63)), float(2**63-1), type(F(3)), F(3))
print(float(True), str(-9223372036854775808), str(0), str(-1), str(I(5)), type(S(5)))
print(str(2**64), str(True), str(-0), float(0), int(-0))
try:
    int(1, 2, 3)
except TypeError as e: print(e)
try:
    float(1, 2)
except TypeError as e: print(e)
try:
    str(1, 2, 3, 4)
except TypeError as e: print(e)
try:
    int(x=1)
except TypeError as e: print(e)
print(int("12"), int(" 7 "), int(3.9), float("1.5"), list((1, 2)), tuple([3]), list(), tuple())
class M(type):
    def __call__(cls, *a): return ("meta", a)
class W(int, metaclass=M): pass
print(W(3))
d = {}
for i in range(20): d[i] = i * i
for i in range(0, 20, 3): d[i] = -i
d[1.0] = "float one"; d[True] = "true"
print(d, len(d))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
e = {}
for i in range(12): e[K(i)] = i
e[K(3)] = "three"; e[3] = "int three"
print(len(e), e[K(3)], e[3])
print({k: len(str(k)) for k in range(-3, 12)})
def deep(n):
    return str(n) if n == 0 else deep(n - 1)
sys.setrecursionlimit(50)
try:
    deep(100)
except RecursionError as e: print("rec", e)
# int(x) of an exact int is x itself; float() of machine ints.
print(int(x) is x, int(y) is y, float(y), float(-2**62 - 1))
# list()/tuple() of ranges, including empty, negative steps and extremes.
for r in [range(0), range(5), range(10, 0, -3), range(-5, 5, 2), range(5, 5), range(3, 0),
          range(2**63 - 3, 2**63 - 1), range(-2**63, -2**63 + 2), range(2**63 - 1, 2**63 - 10, -4)]:
    print(list(r), tuple(r), type(list(r)).__name__)
print(list(range(10**20, 10**20 + 3)), tuple(range(-3, 3))[::2])
class T(tuple): pass
class L(list): pass
print(T(range(3)), type(T(range(3))).__name__, L(range(2)), type(L(range(2))).__name__)
