class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

a = A(3)
m = a.get
print(m())
print(m.__self__ is a)
print(m.__func__ is A.get)
print(A.get(A(9)))
print(list(map(A.get, [A(1), A(2)])))
