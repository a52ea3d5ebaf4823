class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)

class P:
    x = Typed()
    y = Typed()

p = P()
p.x = 3
p.y = 4
print(p.x + p.y)
try:
    p.x = "no"
except TypeError as e:
    print(e)
print(type(P.x).__name__)
