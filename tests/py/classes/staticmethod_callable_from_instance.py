class U:
    @staticmethod
    def twice(x):
        return 2 * x
    @classmethod
    def name(cls):
        return cls.__name__
u = U()
print(u.twice(4), U.twice(5), u.name(), U.name())
f = U.__dict__["twice"]
print(type(f).__name__, f.__func__(3))
