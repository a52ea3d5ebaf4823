class C:
    def __init__(self):
        self._v = 1
    def get_v(self):
        return self._v
    def set_v(self, v):
        self._v = v * 2
    v = property(get_v, set_v, None, "the v")

c = C()
c.v = 5
print(c.v, C.v.__doc__)
