# `obj.attr = local` and `seq[i] = local` run fused with the loads of
# their operands; every fallback must behave as the plain instructions.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def move(p, dx):
    v = p.x + dx
    p.x = v
    return p

p = P(1, 2)
for _ in range(3):
    move(p, 10)
print(p.x, p.y, p.__dict__)

# A class with __setattr__ never takes the cached store.
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)

def store(o, v):
    o.a = v

lg = Logged()
store(lg, 1)
store(lg, 2)
print(lg.a)

# A data descriptor (property) on the class wins over the instance dict.
class Prop:
    @property
    def a(self):
        return "prop"

    @a.setter
    def a(self, v):
        print("setter", v)

pr = Prop()
store(pr, 3)
store(pr, 4)
print(pr.a)

# __slots__ classes have no instance dict.
class Slotted:
    __slots__ = ("a",)

sl = Slotted()
store(sl, 5)
print(sl.a)

class Tiny:
    __slots__ = ()

try:
    store(Tiny(), 6)
except AttributeError as e:
    print("AttributeError:", e)

# Different types through one site, and the old value's __del__.
class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)

class Holder:
    pass

h = Holder()
first = Noisy(1)
store(h, first)
del first
second = Noisy(2)
store(h, second)
print("after store")
del second
store(p, 7)
print(p.a)

# List stores from two locals.
def put(lst, i, v):
    lst[i] = v
    return lst

lst = [0, 0, 0]
print(put(lst, 0, "a"), put(lst, -1, "z"))
try:
    put(lst, 3, "x")
except IndexError as e:
    print("IndexError:", e)
try:
    put(lst, "k", 1)
except TypeError as e:
    print("TypeError:", e)
print(put({}, "k", 1))

class Recorder(list):
    def __setitem__(self, i, v):
        print("setitem", i, v)
        super().__setitem__(i, v)

print(put(Recorder([1, 2]), 1, "r"))
print(put(bytearray(b"ab"), 0, 122))

def put_const(lst, v):
    lst[1] = v
    return lst

print(put_const([1, 2], "c"), put_const({}, "d"))
