class Base:
    def __add__(self, o):
        return "Base.add"
    def __radd__(self, o):
        return "Base.radd"
class Sub(Base):
    def __add__(self, o):
        return "Sub.add"
    def __radd__(self, o):
        return "Sub.radd"
print(Base() + Sub())
print(Sub() + Base())
print(1 + Base())
