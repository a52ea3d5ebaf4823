class NonData:
    def __get__(self, obj, owner):
        return "from descriptor"

class C:
    d = NonData()

c = C()
print(c.d)
c.__dict__["d"] = "from instance"
print(c.d)

class Data(NonData):
    def __set__(self, obj, v):
        raise AttributeError("read only")

class D:
    d = Data()
x = D()
x.__dict__["d"] = "instance"
print(x.d)
