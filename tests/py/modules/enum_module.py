# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, aliases,
# lookups, the functional API, _missing_, _ignore_, tuple values with __init__.
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
import enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name} is {self.value}"
    @classmethod
    def default(cls):
        return cls.GREEN
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, repr(Color), type(Color.RED), isinstance(Color.RED, Color))
print(Color.RED.describe(), Color.default(), f"{Color.BLUE}", format(Color.BLUE, ">12") + "|", str(Color.GREEN))
print(Color.__members__, list(Color.__members__), Color._member_names_)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, hash(Color.RED) == hash("RED"), {Color.RED: "r"}[Color.CRIMSON])
for bad in (lambda: Color(7), lambda: Color["PINK"]):
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
try:
    class More(Color):
        PINK = 9
except TypeError as e:
    print(e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.ONE), Num.ONE + 1, Num.ONE == 1, Num.TWO > Num.ONE, sorted([Num.TWO, Num.ONE]), f"{Num.TWO}", [1, 2, 3][Num.ONE])
print({1: "one"}[Num.ONE], Num(2), isinstance(Num.ONE, int), int(Num.TWO), Num.ONE.name)
class Shade(StrEnum):
    LIGHT = auto()
    DARK = auto()
print(Shade.LIGHT, repr(Shade.DARK), Shade.LIGHT == "light", Shade("dark"), Shade.LIGHT.upper(), f"[{Shade.DARK}]")
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto), [m.value for m in Auto])
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.value, Perm.R in rw, Perm.X in rw, list(rw), repr(~Perm.R), bool(Perm(0)), repr(Perm(0)), Perm(6) is rw)
print(repr(rw & Perm.W), repr(rw ^ Perm.R), Perm.R | Perm.R is Perm.R)
class Bits(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print(repr(Bits.A | Bits.C), Bits.A | Bits.C, Bits.A | 8, repr(Bits.A | 8), Bits.B & 2, format(Bits.C), [b.value for b in Bits])
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), Planet((3.303e+23, 2.4397e6)))
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))
Pets = Enum("Pets", [("DOG", "d"), ("FISH", "f")])
print(Pets.DOG, Pets("f"))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
class WithMissing(Enum):
    ON = "on"
    OFF = "off"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls(value.lower())
        return None
print(WithMissing("ON"), WithMissing("Off"))
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green")
print(type(Color), enum.EnumMeta is enum.EnumType, Color.__class__.__name__)
class Ordered(Enum):
    _ignore_ = ["tmp"]
    tmp = 5
    FIRST = "1st"
print(list(Ordered), hasattr(Ordered, "tmp"))
