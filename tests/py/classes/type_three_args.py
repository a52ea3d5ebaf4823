def hello(self):
    return "hello from " + type(self).__name__

Base = type("Base", (), {"greet": hello, "x": 1})
Child = type("Child", (Base,), {"y": 2})
c = Child()
print(c.greet(), c.x, c.y)
print(Child.__name__, [k.__name__ for k in Child.__mro__])
print(type(c) is Child, type(Child) is type)
