# Fast paths of int/float operators and str(): same results and errors as the general paths.
vals = [0, 1, -1, 7, -7, 2**62, -2**63, 2**63 - 1, 12345, -3]
for x in vals:
    for y in [1, -1, 3, -3, 7, 2**62, -2**63]:
        print(x % y, x // y, divmod(x, y), end=" ")
    print()
for x in vals:
    print([x >> s for s in (0, 1, 16, 63, 64, 100)], [x << s for s in (0, 1, 2, 30, 61, 62, 63)])
print([b ** e for b in (0, 1, -1, 2, -2, 3, 10) for e in (0, 1, 2, 3, 10, 62, 63, 64)])
print(2 ** -1, (-2) ** -2, 0 ** 0, 7 ** 40, (-3) ** 41)
for bad in [lambda: 1 >> -1, lambda: 1 << -1, lambda: 1 % 0, lambda: 1 // 0, lambda: 0 ** -1, lambda: 0.0 ** -1.5,
            lambda: 10.0 ** 400, lambda: 2 ** 5000.0, lambda: [1][1], lambda: [1][-2], lambda: (1,)[2],
            lambda: [1][str(0)], lambda: [1][2**70]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print([f ** p for f in (0.5, 2.0, 1e-3, 1.5, 3.0) for p in (-1.5, 0.5, 2, -2, 0.0, 1e-10, 100)])
print((-8.0) ** (1 / 3), (-2.0) ** 2, (-2.0) ** 0.5, 0.0 ** 0.5, 2 ** 0.5, 4 ** -0.5, float("inf") ** 0.5, float("nan") ** 2.0)
class N(int):
    def __rshift__(self, o):
        return "rs"
    def __pow__(self, o):
        return "pw"
print(str(N(3)), N(3) >> 1, N(2) ** 2, str(5), str(-2**63), str(2**80), str("s"), str(), str(True), str(3.5))
class T(str):
    pass
print(repr(T(4)), type(T(4)).__name__, type(T("x")).__name__)
class F(float):
    def __pow__(self, o):
        return "fpow"
print(F(2.0) ** 2.0, 2.0 ** F(3.0), -1.5, -(2.0), -F(2.0))
