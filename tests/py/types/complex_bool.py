# complex.__bool__: only 0j (whatever the zeros' signs) is false.
print(complex.__bool__(0j), complex.__bool__(1j), complex.__bool__(complex(0, -0.0)))
print(bool(0j), bool(-0.0j), bool(complex(-0.0, 0)), bool(1e-300j), bool(complex(float("nan"), 0)))
class C(complex):
    pass
class Z(complex):
    def __bool__(self):
        return True
print(bool(C(0)), bool(C(1, 0)), bool(Z(0)), "yes" if C(0, 2) else "no")
try:
    complex.__bool__(1)
except TypeError as e:
    print(e)
# Subclass instances are of the subclass, with its methods.
class P(complex):
    def norm1(self):
        return abs(self.real) + abs(self.imag)
p = P(3, -4)
print(type(p).__name__, p, p.norm1(), p == 3 - 4j, type(p + 1).__name__, repr(P("1+2j")), isinstance(P(), complex))
