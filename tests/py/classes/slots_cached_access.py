class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x, self.y
class Q(P):
    __slots__ = ("z",)
class R(P):
    pass  # has a __dict__ too
def read(o):
    return o.x
def write(o, v):
    o.x = v
for o in (P(1), Q(2), R(3), P(4)):
    for k in range(3):
        write(o, k)
        print(type(o).__name__, read(o), end="; ")
    try:
        o.get()
    except AttributeError as e:
        print("AttributeError:", e)
    o.y = 5
    print(o.get())
r = R(1); r.__dict__["x"] = "shadow?"; print(read(r), r.__dict__)
del r.x
try:
    read(r)
except AttributeError as e:
    print("after del:", e)
write(r, 9); print(read(r))
class G(P):
    __slots__ = ()
    def __getattr__(self, name):
        return "fallback " + name
g = G(1)
print(read(g)); del g.x; print(read(g))
P.x = property(lambda self: "prop")  # replaces the slot descriptor
try:
    P(1)
except AttributeError as e:
    print(e)
q = Q.__new__(Q); print(read(q))
# One site reading and writing `x` of a dict class whose base has a slot
# and of a slotted class: the slot numbers must not be mixed up.
class Base:
    __slots__ = ("q",)
class WithDict(Base):
    pass
class Slotted:
    __slots__ = ("x",)
def pair(cls, x, q=None):
    o = cls()
    o.x = x
    if q is not None:
        o.q = q
    return o
objs = [pair(WithDict, "dict-x", "slot-q"), pair(Slotted, "slot-x"), pair(WithDict, "dict-x2", "slot-q2")]
for rounds in range(3):
    print([read(o) for o in objs])
    for k, o in enumerate(objs):
        write(o, f"{type(o).__name__}-{rounds}-{k}")
print([(read(o), getattr(o, "q", None)) for o in objs])
