class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        return cls(*map(int, s.split("-")))
    def __repr__(self):
        return f"Date({self.y}, {self.m}, {self.d})"

print(Date.parse("2024-02-29"))
