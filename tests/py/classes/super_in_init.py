class Base:
    def __init__(self, x):
        print("Base init", x)
        self.x = x
class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        print("Mid init", y)
        self.y = y
m = Mid(1, 2)
print(m.x, m.y)
