print(int(), float(), str(), bool(), list(), tuple(), dict(), set())
print(int("-0"), int("  -12\n"), int("0x1F", 16), int("٣"), int(" 0b11 ", 0))
print(int(2.5e10), int("10", 2), int("Z", 36), int(b"42"))
for bad in ("", " ", "1.5", "0x", "1e5", "--1"):
    try:
        int(bad)
    except ValueError as e:
        print(e)
