# dataclasses: generated __init__/__repr__/__eq__/order/hash, frozen,
# inheritance, InitVar/ClassVar/KW_ONLY, slots, make_dataclass, helpers.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, KW_ONLY, make_dataclass
from typing import ClassVar, List, Optional
import dataclasses
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
print(p, p == Point(1), p == Point(2), asdict(p), astuple(Point(3, 4, ["a"])))
print(Point.__doc__, Point.__match_args__, [f.name for f in fields(p)], is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(replace(p, y=5), Point.y, hasattr(Point, "tags"), Point.__hash__)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, [], 4)
except TypeError as e:
    print(e)
try:
    Point(1, z=3)
except TypeError as e:
    print(e)
@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
v = Version(1, 2)
print(v, v < Version(1, 3), v >= Version(1, 2, "x"), hash(v) == hash(Version(1, 2, "other")), sorted([Version(2), Version(1, 5), Version(1)]))
try:
    v.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
@dataclass
class Base:
    name: str
    count: int = 1
@dataclass
class Child(Base):
    extra: Optional[str] = None
    registry: ClassVar[List[str]] = []
c = Child("a", 2, "e")
print(c, Child.__doc__, [f.name for f in fields(Child)], Child.registry)
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 10
    def __post_init__(self, scale):
        self.b = self.a * scale
w = WithPost(2, scale=3)
print(w, WithPost(1), fields(w)[1].init)
@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int = 5
print(KW(1, b=2), KW.__match_args__)
try:
    KW(1, 2)
except TypeError as e:
    print(e)
@dataclass(kw_only=True)
class AllKW:
    x: int
    y: int = 2
print(AllKW(x=1))
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e:
    print(e)
@dataclass(eq=False)
class NoEq:
    x: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)
@dataclass(unsafe_hash=True)
class H:
    x: int
    y: list = field(default_factory=list, hash=False)
print(hash(H(1)) == hash(H(1, [2])))
@dataclass
class Node:
    value: int
    children: "list[Node]" = field(default_factory=list)
n = Node(1, [Node(2)])
n.children[0].children.append(n)
print(n)
P3 = make_dataclass("P3", ["a", ("b", int), ("c", int, field(default=7))])
print(P3(1, 2), P3(1, 2).c)
@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 0
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
match Point(5, 6):
    case Point(x, y):
        print("matched", x, y)
print(dataclasses.MISSING is fields(Point)[0].default)
@dataclass
class R:
    a: int
    def __repr__(self):
        return "custom"
print(R(1), asdict(Child("n")))
