# type.__subclasses__(): direct subclasses still alive, oldest first,
# held weakly (a base never keeps a subclass alive).
import gc
import weakref


class Shape:
    pass


class Polygon(Shape):
    pass


class Circle(Shape):
    pass


class Triangle(Polygon):
    pass


class Square(Polygon):
    pass


class Mixin:
    pass


class Both(Square, Mixin):
    pass


def tree(cls, depth=0):
    print("  " * depth + cls.__name__)
    for sub in cls.__subclasses__():
        tree(sub, depth + 1)


tree(Shape)
print(Mixin.__subclasses__())
print(type.__subclasses__(Polygon))
print(Both.__subclasses__())

# Every class has one plain weak reference, the one its bases hold, and
# weakref.ref() hands out that same object.
print(weakref.getweakrefcount(Circle))
r = weakref.ref(Circle)
print(r is weakref.getweakrefs(Circle)[0], weakref.getweakrefcount(Circle))
del r

# A deleted subclass leaves the list once it is collected.
del Circle
gc.collect()
print([c.__name__ for c in Shape.__subclasses__()])

# Classes made by type() and by metaclasses are registered too.
Dyn = type("Dyn", (Shape,), {})
class Meta(type):
    pass
class WithMeta(Shape, metaclass=Meta):
    pass
print([c.__name__ for c in Shape.__subclasses__()])

# Many short-lived subclasses do not pile up.
for i in range(200):
    type("Temp%d" % i, (Triangle,), {})
gc.collect()
print(len(Triangle.__subclasses__()))
keep = [type("Kept%d" % i, (Triangle,), {}) for i in range(20)]
print(len(Triangle.__subclasses__()), Triangle.__subclasses__()[0].__name__, Triangle.__subclasses__()[-1].__name__)

# Builtin hierarchies.
print(bool in int.__subclasses__(), bool.__subclasses__())
print(KeyError in LookupError.__subclasses__(), ZeroDivisionError in ArithmeticError.__subclasses__())
print(all(isinstance(c, type) for c in object.__subclasses__()))
print(Shape in object.__subclasses__())


class Registry:
    # A plugin registry: every concrete subclass, at any depth.
    @classmethod
    def all_plugins(cls):
        found = []
        for sub in cls.__subclasses__():
            found.append(sub.__name__)
            found.extend(sub.all_plugins())
        return found


class CsvPlugin(Registry):
    pass


class JsonPlugin(Registry):
    pass


class Json5Plugin(JsonPlugin):
    pass


print(Registry.all_plugins())

# Errors.
for call in (
    lambda: Shape.__subclasses__(1),
    lambda: Shape.__subclasses__(x=1),
    lambda: type.__subclasses__(),
    lambda: type.__subclasses__(1),
    lambda: type.__subclasses__("Shape"),
):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
