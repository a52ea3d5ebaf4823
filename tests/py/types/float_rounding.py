print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(123.456, -1), round(123.456, 1))
print(round(1234, -2), round(1250, -2), round(-0.4))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0))
