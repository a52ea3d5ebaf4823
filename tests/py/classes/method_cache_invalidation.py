# LoadMethod sites remember where they found a method; every way of
# changing the answer must be seen at the same call site.

class Base:
    def greet(self):
        return "base"

class Child(Base):
    pass

def call_greet(obj):
    return obj.greet()

c = Child()
print(call_greet(c), call_greet(c))

# An instance attribute shadows the method, and unshadows when deleted.
c.greet = lambda: "instance"
print(call_greet(c))
del c.greet
print(call_greet(c))

# Overriding in the subclass after the site cached the base's method.
Child.greet = lambda self: "child"
print(call_greet(c))
del Child.greet
print(call_greet(c))

# Replacing the method on the base class.
Base.greet = lambda self: "new base"
print(call_greet(c))

# A base class gains the method after the site cached the miss path.
class Other:
    pass

class Late(Other):
    pass

late = Late()
try:
    print(call_greet(late))
except AttributeError as e:
    print("AttributeError:", e)
Other.greet = lambda self: "other"
print(call_greet(late))

# __class__ assignment changes the type the site sees.
class A:
    def who(self):
        return "A"

class B:
    def who(self):
        return "B"

def call_who(o):
    return o.who()

x = A()
print(call_who(x))
x.__class__ = B
print(call_who(x))

# Two types alternating at one site.
items = [A(), B(), A(), B()]
print([call_who(o) for o in items])

# A method replaced by a non-callable, then by a staticmethod.
class S:
    def m(self):
        return "method"

def call_m(o):
    return o.m()

s = S()
print(call_m(s))
S.m = staticmethod(lambda: "static")
print(call_m(s))
S.m = 5
try:
    call_m(s)
except TypeError as e:
    print("TypeError:", e)

# __getattribute__ defined after caching takes over.
class G:
    def m(self):
        return "plain"

def call_g(o):
    return o.m()

g = G()
print(call_g(g))
G.__getattribute__ = lambda self, name: (lambda: "intercepted " + name)
print(call_g(g))

# Builtin methods through the same kind of site.
def push(lst, v):
    lst.append(v)
    return lst

print(push([], 1), push([1], 2))

class MyList(list):
    def append(self, v):
        list.append(self, v * 10)

print(push(MyList(), 3))

def getter(d):
    return d.get("k", "default")

print(getter({}), getter({"k": 1}))

class D(dict):
    pass

dd = D()
dd.get = lambda k, default: "shadowed"
print(getter(dd))
