print(int("42"), int("-17"), int("  8 "), int("+5"))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("777", 8), int("1_000_000"), int("1_0", 16))
print(int(3.99), int(-3.99), int("0"), int(True))
try:
    int("1__0")
except ValueError as e:
    print(e)
