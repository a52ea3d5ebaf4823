class C:
    def m(self):
        return "class method"
c = C()
c.m = lambda: "instance function"
print(c.m())
print(C.m(c))
del c.m
print(c.m())
