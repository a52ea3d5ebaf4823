# float.hex / float.fromhex round trips, subnormals, rounding, errors
for x in (0.0, -0.0, 1.0, 0.1, -2.5, 5e-324, 1.7976931348623157e308, float("inf"), float("nan")):
    print(x.hex(), float.fromhex(x.hex()) == x or x != x)
print(float.fromhex("0x1.fffffffffffff8p0"), float.fromhex("0x1.00000000000008p0"), float.fromhex("0X.8P1"))
print(float.fromhex(" -0x1p-1074 "), float.fromhex("0x1p-1075"), float.fromhex("0x3p-1076"), float.fromhex("inf"))
for bad in ("0x1p1024", "1.2.3", "0x", "0xp1", "0x1p"):
    try:
        float.fromhex(bad)
    except (ValueError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
print((2.5).as_integer_ratio(), (-0.375).as_integer_ratio(), (1e300).as_integer_ratio()[1])
for bad in (float("inf"), float("nan")):
    try:
        bad.as_integer_ratio()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print((7).bit_length(), (-8).bit_length(), (0).bit_length(), (-7).bit_count(), True.bit_length())
print(True.real, (3).imag, (2.5).imag, (-4).numerator, (9).denominator, (1.5).conjugate(), True.conjugate())
print((3.7).__floor__(), (-3.2).__ceil__(), (5).__trunc__(), (5).as_integer_ratio())
