print(2 ** 200)
print(-(3 ** 100))
print(2 ** 64 - 1, 2 ** 64 + 1)
x = 10 ** 30
print(x * x, x // 7, x % 7)
print(len(str(2 ** 1000)))
print((2 ** 100).bit_length())
