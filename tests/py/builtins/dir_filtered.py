class C:
    a = 1
    def method(self):
        pass
    @property
    def prop(self):
        return 0
c = C()
c.inst = 2
print([n for n in dir(C) if not n.startswith("__")])
print([n for n in dir(c) if not n.startswith("__")])
