# A class call whose __init__ is a Python function runs it as a frame of
# the dispatch loop: arguments, super(), return checks, metaclasses,
# __new__, refcounts, __del__ and errors must behave as type.__call__.
import sys
class A:
    def __init__(self, x, y=2):
        self.x = x; self.y = y
a = A(1)
print(a.x, a.y, A(3, y=4).y, A(*[5]).x)
class B(A):
    def __init__(self):
        super().__init__(7)
print(B().x)
class R:
    def __init__(self):
        return 3
try:
    R()
except TypeError as e:
    print(e)
class G:
    def __init__(self):
        yield 1
try:
    G()
except TypeError as e:
    print(e)
class E:
    def __init__(self, a):
        pass
try:
    E()
except TypeError as e:
    print(e)
class D:
    def __init__(self):
        print("refs", sys.getrefcount(self))
    def __del__(self):
        print("del")
D()
print("after")
class Meta(type):
    def __call__(cls, *a):
        print("meta call"); return super().__call__(*a)
class M(metaclass=Meta):
    def __init__(self): print("M init")
M()
class N:
    def __new__(cls): print("new"); return super().__new__(cls)
    def __init__(self): print("N init")
N()
class T:
    def __init__(self):
        raise ValueError("boom")
T()
