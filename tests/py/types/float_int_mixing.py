print(1 + 1.0, 3 * 0.5, 7 / 2, 7 // 2.0, 7 % 2.5, -7 // 2.0, -7 % 2.0)
print(2 ** 0.5, 2 ** -1, (-8) ** (1 / 3) if False else "skip", 10 / 5)
print(type(10 / 5).__name__, type(10 // 5).__name__, type(2 ** -1).__name__)
print(float(2 ** 60), int(1e18), int(2.0 ** 70))
