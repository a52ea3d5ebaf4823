# complex: repr of signed zeros and specials, parsing, errors, mixed ops
print(repr(-0j), repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)), complex("nan+infj"))
print(complex(" (1-2.5J) "), complex("-j"), complex("1e3+j"), complex(real=2, imag=3))
print(complex(1 + 2j, 1j), 2 ** 0.5j == 2 ** (0.5j), (1 + 2j) ** 2, (2j) ** -1)
print(1 / 3j, (3 + 4j) - 1.5, 2 * (1 - 1j), -(1 + 1j), +(2j))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), 1 + 0j == 1, 1j == 1, (0.5 + 0j) != 0.5)
print(bool(0j), bool(0.1j), abs(3 - 4j), (1 + 2j).conjugate(), (5j).real, (5j).imag)
for bad in ("1 + 2j", "j1", "", "1+2", "(1+2j"):
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), e)
for args in (("1", 2), (1, "2"), ([],)):
    try:
        complex(*args)
    except TypeError as e:
        print(e)
for expr in ("(1+1j) / 0", "0j ** -1", "(1+1j) // 2", "(1+1j) < 2"):
    try:
        eval(expr)
    except (ZeroDivisionError, TypeError) as e:
        print(expr, "->", type(e).__name__, e)
