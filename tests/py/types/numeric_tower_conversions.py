print(int("12") + float("0.5"), str(12) + str(1.5), float(True))
print(int(-0.5), int(0.999), round(-0.5), round(-1.5))
print(abs(-0), abs(-0.0), abs(-3 + 4j))
print(hash(1) == hash(1.0) == hash(True), hash(0.5) == hash(0.5))
