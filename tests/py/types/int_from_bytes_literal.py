# int() of bytes and bytearray literals, with and without a base.
print(int(b"42"), int(b" -7 "), int(b"ff", 16), int(bytearray(b"0x10"), 0), int(b"1_000"))
for bad in [b"x", b"", b"\xff", bytearray(b"1.5")]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int(b"1", 99)
except ValueError as e:
    print(e)
