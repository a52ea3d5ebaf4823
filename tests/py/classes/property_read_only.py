class P:
    @property
    def x(self):
        return 42

p = P()
print(p.x)
try:
    p.x = 1
except AttributeError as e:
    print(e)
try:
    del p.x
except AttributeError as e:
    print(e)
print(type(P.__dict__["x"]).__name__)
