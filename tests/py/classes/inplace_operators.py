class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        print("iadd", x)
        self.items.append(x)
        return self

class NoIadd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("add fallback")
        return NoIadd(self.v + o)

a = Acc()
ref = a
a += 1
a += 2
print(a.items, a is ref)
n = NoIadd(1)
old = n
n += 5
print(n.v, n is old)
