print(divmod(17, 5), divmod(-17, 5), divmod(2 ** 80, 7))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13))
print(pow(2, -1), pow(-2, 3), pow(7, -1, 11))
print(pow(0, 0), 0 ** 0)
