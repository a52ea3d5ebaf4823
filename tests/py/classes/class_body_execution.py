print("before class")
class C:
    print("in class body")
    x = 1
    y = x + 1
    def f(self):
        return self.y
print("after class", C.y, C().f())
