class Base:
    count = 0
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()
class A(Base):
    pass
class B(Base):
    pass
A.make(); A.make(); B.make()
print(Base.count, A.count, B.count)
