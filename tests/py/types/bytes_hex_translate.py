# hex/fromhex and translate/maketrans.
print(b"\x00\x0f\xff".hex(), b"".hex(), bytearray(b"AB").hex(), memoryview(b"\x01").hex())
print(b"\xde\xad\xbe\xef".hex(":"), b"\xde\xad\xbe\xef\x01".hex("-", 2), b"\xde\xad\xbe\xef\x01".hex(" ", -2))
print(bytes.fromhex("deadbeef"), bytes.fromhex(" 01 02  03 "), bytearray.fromhex("4142"), bytes.fromhex(""))
for bad in ["0", "zz", "01 0"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print("ValueError:", e)
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], b"aabbcc".translate(t), b"hello".translate(None, b"l"), b"abc".translate(t, b"a"))
print(bytearray(b"cab").translate(t))
try:
    bytes.maketrans(b"ab", b"x")
except ValueError as e:
    print("ValueError:", e)
try:
    b"x".translate(b"short")
except ValueError as e:
    print("ValueError:", e)
