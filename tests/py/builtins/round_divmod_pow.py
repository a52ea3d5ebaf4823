print(round(3.14159, 3), round(2.5), round(7), round(-7.5), round(1e20))
print(divmod(100, 7), divmod(-100, 7), divmod(5.5, 2))
print(pow(2, 8), pow(2, 8, 10), pow(2.0, 3), pow(4, 0.5))
