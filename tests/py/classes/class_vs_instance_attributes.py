class C:
    shared = []
    count = 0
    def __init__(self):
        self.own = []

a, b = C(), C()
a.shared.append(1)
a.own.append(2)
print(b.shared, b.own)
a.count = 5
print(a.count, b.count, C.count)
C.count = 9
print(a.count, b.count)
del a.count
print(a.count)
