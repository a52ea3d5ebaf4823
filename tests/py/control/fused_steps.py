# Steps the VM runs together with the loads before them: each must behave
# exactly as the separate instructions would, fast path or not.

def parity(values):
    out = []
    for n in values:
        if n % 2 == 0:
            out.append("even")
        else:
            out.append("odd")
        b = n % 3 == 1
        c = n % 3 != 2
        out.append((b, c, n % 4 < 2, n % 4 >= 3, n // 2 == -1))
    return out

print(parity([0, 1, 2, 3, -1, -2, -7, 10**20, 2**63 - 1, -(2**63)]))

def mixed(n, x):
    # The constant or the operands are not machine ints.
    return [n % 2 == 0.0, n % 2 == True, x % 2 == 0, n % 2 == 10**30, n - 1 == -1]

print(mixed(4, 4.5), mixed(3, -2.0), mixed(0, 7.25))

class Weird(int):
    def __mod__(self, other):
        return "mod"

def weird(w):
    return w % 2 == 0, w % 2 == "mod"

print(weird(Weird(4)))

def aug(v, d, t):
    v[0] -= 1.5
    v[1] += v[0] * 2
    v[-1] *= 3
    d["k"] += 1
    i = 2
    v[i] //= 2
    try:
        t[0] += 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        v[10] += 1
    except IndexError as e:
        print("IndexError:", e)
    return v, d

print(aug([1.0, 2.0, 7, 4], {"k": 1}, (1, 2)))

class Grid:
    def __init__(self):
        self.cells = [0] * 4
    def __getitem__(self, i):
        print("get", i)
        return self.cells[i]
    def __setitem__(self, i, v):
        print("set", i, v)
        self.cells[i] = v

g = Grid()
g[1] += 5
print(g.cells)

def identity(items):
    out = []
    for left in items:
        out.append((left is None, left is not None))
    return out

print(identity([None, 0, "", (), None]))

class Shrinker:
    def __init__(self, lst):
        self.lst = lst
    def __del__(self):
        print("del: list had", len(self.lst))
        self.lst.clear()

def unpack_list():
    lst = [1, 2, 3]
    a = Shrinker(lst)
    a, b, c = lst
    print(a, b, c, lst)
    x, y = [10, 20]
    print(x, y)
    try:
        p, q = [1, 2, 3]
    except ValueError as e:
        print("ValueError:", e)
    try:
        p, q, r = [1]
    except ValueError as e:
        print("ValueError:", e)

unpack_list()

class P:
    def __init__(self, x):
        self.x = x

def attrs(p):
    total = 0
    for _ in range(3):
        total += p.x
    try:
        p.y
    except AttributeError as e:
        print("AttributeError:", e)
    return total

print(attrs(P(4)))

class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
    def __repr__(self):
        return f"Truth({self.v})"

class Sized:
    def __len__(self):
        print("len")
        return 0

print(Truth(True) and "yes", Truth(False) and "no", Truth(False) or "or", Truth(True) or "x")
print(Sized() or "empty", 0 or [] or "last", 3 and 0.0, "a" and "b")

def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    return bump

b = counter()
print(b(), b(), b())

# The truth of builtin subclasses goes through their own __bool__/__len__.
class B(int):
    def __bool__(self):
        return False
class L(list):
    def __len__(self):
        return 0
class S(str):
    def __bool__(self):
        return False
class PlainInt(int):
    pass
class PlainComplex(complex):
    pass
print(bool(B(5)), not B(5), "yes" if B(5) else "no", B(5) and 1, bool(L([1])), "y" if L([1]) else "n", bool(S("x")))
print(bool(PlainInt(0)), bool(PlainInt(2)), bool(PlainComplex(0)), bool(PlainComplex(1j)), PlainInt(0) or "zero")
