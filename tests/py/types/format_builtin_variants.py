print(format(3), format(3.0), format("x"), format(None), format([1, 2]))
print(format(12345.6789, ".6"), format(0.000012345, ".3"), format(123456789, ","))
print(format(1e100, ".2"), format(2.0, ""), format(10 ** 16 * 1.0, ""), format(-5, "x"))
