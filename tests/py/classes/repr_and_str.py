class A:
    def __repr__(self):
        return "A()"
class B:
    def __str__(self):
        return "B as str"
    def __repr__(self):
        return "B()"
class C:
    def __str__(self):
        return "C str"

print(A(), str(A()), repr(A()))
print(B(), str(B()), repr(B()), [B()])
print(C(), f"{C()}", f"{B()!r}")
print([A(), B()], (A(),), {"k": B()})
