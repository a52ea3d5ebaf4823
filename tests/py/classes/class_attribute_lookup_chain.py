class A:
    x = "A"
class B(A):
    pass
class C(B):
    pass
print(C.x, C().x)
B.x = "B"
print(C.x)
del B.x
print(C.x)
print("x" in C.__dict__, "x" in A.__dict__)
