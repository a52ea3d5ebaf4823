# The reprs of bound methods, of builtin methods read through their type,
# and types.MethodType built by hand, with CPython's error messages.
import types


def plain(o):
    # Addresses differ between runs and interpreters.
    r = repr(o)
    i = r.find(" at 0x")
    return r if i < 0 else r[:i] + " at ADDR>"


class Point:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"Point({self.x})"

    def norm(self):
        return abs(self.x)

    @classmethod
    def origin(cls):
        return cls(0)

    @staticmethod
    def helper():
        return 1

    class Inner:
        def deep(self):
            return 2


p = Point(3)
print(repr(p.norm))
print(str(p.norm))
print(p.norm)
print(repr(Point.origin))
print(Point.helper.__qualname__)
print(repr(Point.Inner().deep).split(" of ")[0])
print([p.norm, p.norm])
print(p.norm == p.norm, p.norm is p.norm)

# A self whose repr fails: the bound method's repr fails with it.
class Broken:
    def __repr__(self):
        raise ValueError("no repr")

    def m(self):
        pass

try:
    repr(Broken().m)
except ValueError as e:
    print("ValueError:", e)

# Builtin methods read through their type, bound to an instance, and
# builtin class methods read through the class.
print(repr(list.append))
print(repr(str.upper), repr(dict.get), repr(int.bit_length))
class MyList(list):
    pass
print(repr(MyList.append))
print(plain([].append))
print(plain(dict.fromkeys))
print(plain({}.fromkeys))
print(plain(int.from_bytes))
print(repr(len), repr(abs))

# types.MethodType binds any callable to any object but None.
def free(self, y):
    return (self, y)

m = types.MethodType(free, p)
print(m)
print(m(5))
print(m.__func__ is free, m.__self__ is p)
m2 = types.MethodType(len, "abc")
print(plain(m2), m2())

class CallMe:
    def __call__(self, *a):
        return a

m3 = types.MethodType(CallMe(), p)
print(repr(m3))
print(m3(1))

for args in [(), (free,), (free, p, 1), (1, p), (free, None)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    types.MethodType(free, instance=p)
except TypeError as e:
    print("TypeError:", e)

# Each read makes a new method object; they compare and hash as equal
# when they bind the same function to the same object.
class A:
    def m(self):
        pass

a = A()
print(a.m == a.m, a.m != a.m, a.m is a.m, a.m == A().m)
print(hash(a.m) == hash(a.m), {a.m: 1}[a.m])
try:
    a.m < a.m
except TypeError as e:
    print("TypeError:", e)
items = []
print(items.append == items.append, items.append == [].append)
print(hash(items.append) == hash(items.append))
print(len == len, list.append == list.append, list.append == list.extend)

# A builtin type's class method is a builtin method of the class.
f = dict.fromkeys
print(f("ab", 1), dict.fromkeys("xy"))
class D(dict):
    pass
print(type(D.fromkeys("a")).__name__, D.fromkeys.__self__.__name__)
print(int.from_bytes(b"\x01\x00", "big"), (5).from_bytes(b"\x02", "little"))

# A builtin class method as a class's __init_subclass__ gets the class
# once, and the class statement's keywords.
class Base:
    __init_subclass__ = classmethod(print)

class Child(Base, sep="-"):
    pass
