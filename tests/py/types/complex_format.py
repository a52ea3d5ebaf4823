# format() of complex numbers: types, precision, signs, padding, errors
for spec in (".2f", ">12", "^9", "+.1e", ".3", "10.2f", "<15g", " ", "#.0f", ",.2f", "*^16.1f"):
    print(repr(spec), [format(z, spec) for z in (1 + 2j, -2.5j, 2.5j, 1234.5 - 0.001j, complex(-1e-9, -0.0))])
print(f"{3 + 4j:.1f}", f"{1j:>6}", "{:e}".format(0.5 + 0j), format(1 + 1j, ""))
for spec in ("010", "=10", "d", "%", "x"):
    try:
        format(1 + 1j, spec)
    except ValueError as e:
        print(repr(spec), e)
