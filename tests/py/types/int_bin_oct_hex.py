for n in (0, 5, -5, 255, 2 ** 40):
    print(bin(n), oct(n), hex(n))
print(format(255, "b"), format(255, "#o"), format(255, "X"), format(255, "#x"))
