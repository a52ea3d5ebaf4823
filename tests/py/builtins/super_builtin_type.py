class A:
    def f(self):
        return "A"
class B(A):
    def f(self):
        s = super()
        return type(s).__name__ + ":" + s.f()
print(B().f())
