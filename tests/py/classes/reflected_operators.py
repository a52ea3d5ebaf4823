class M:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        if isinstance(o, (int, M)):
            return M(self.v + (o.v if isinstance(o, M) else o))
        return NotImplemented
    def __radd__(self, o):
        print("radd called with", o)
        return M(o + self.v)
    def __rsub__(self, o):
        return M(o - self.v)
    def __repr__(self):
        return f"M({self.v})"

print(M(1) + 2, 3 + M(1), 10 - M(4))
print(sum([M(1), M(2)]))
try:
    M(1) + "s"
except TypeError as e:
    print(e)
