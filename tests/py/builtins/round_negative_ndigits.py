# round() to tens, hundreds...: exact half-to-even on the binary value
print(round(1e300, -300), round(2.5e300, -300), round(1234.5, -1), round(1250.0, -2), round(1350.0, -2))
print(round(-0.5, -1), round(-15.0, -1), round(5e-324, -5), round(123456789.123, -3), round(1e22, -21))
print(round(9.5e15, -16), round(7.0, -400), round(-7.0, -400), round(float("inf"), -2), round(12345, -2))
print((-8) ** (1 / 3), (-2.0) ** 0.5, (-1) ** 0.25, pow(-27.0, 1 / 3))
