for n in (0, 1, 255, -255, 2 ** 64, 10 ** 25):
    for base, conv in ((2, bin), (8, oct), (16, hex)):
        assert int(conv(n), 0) == n
    print(n, str(n)[::-1], int(str(n)) == n)
print(int("-0b1010", 0), int("0X1F", 0), int("0O7", 0))
