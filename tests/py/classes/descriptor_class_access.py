class Desc:
    def __get__(self, obj, owner):
        return ("instance" if obj is not None else "class", owner.__name__)

class A:
    d = Desc()
class B(A):
    pass
print(A.d, A().d, B.d, B().d)
