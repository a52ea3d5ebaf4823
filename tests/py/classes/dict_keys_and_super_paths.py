# Dict lookups that must compare in Python, dict.get's argument checks,
# instance attributes shadowing methods, and zero-argument super() errors.
class Key:
    def __init__(self, text):
        self.text = text
    def __hash__(self):
        return hash(self.text)
    def __eq__(self, other):
        print("eq", self.text, other)
        return other == self.text

d = {"a": 1, "b": 2}
print(d.get(Key("a")), d.get(Key("z"), "none"))
d[Key("b")] = 20
print(d)

class S(str):
    pass

d[S("a")] = 10
print(d, d.get(S("b")), d.get("q"))
for bad in [(), (1, 2, 3)]:
    try:
        d.get(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    d.get("a", default=1)
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __init__(self, n):
        self.n = n
    def area(self):
        return "method"

class Child(Base):
    def __init__(self):
        super().__init__(3)

c = Child()
print(c.area(), c.n)
c.area = lambda: "instance attribute"
print(c.area())
del c.area
print(c.area())

def no_class():
    return super()

try:
    no_class()
except RuntimeError as e:
    print("RuntimeError:", e)

class Deleted:
    def f(self):
        del self
        return super().f()

try:
    Deleted().f()
except RuntimeError as e:
    print("RuntimeError:", e)

class Big:
    def __hash__(self):
        return 2**62
class Huge:
    def __hash__(self):
        return 2**64 + 5
class MinusOne:
    def __hash__(self):
        return -1
print(hash(Big()), hash(Huge()), hash(MinusOne()), hash(Key("a")) == hash("a"))
