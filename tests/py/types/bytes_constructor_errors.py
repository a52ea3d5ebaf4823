# bytes() and bytearray() constructors: every source kind and their errors.
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(range(65, 68)), bytes((x for x in [97, 98])))
print(bytes(b"b"), bytes(bytearray(b"ba")), bytes(memoryview(b"mv")), bytes("é", "utf-8"), bytes("x", encoding="ascii"))
print(bytearray(), bytearray(2), bytearray([0, 128]), bytearray("é", "latin-1"), bytearray(b"copy"))
class WithBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(WithBytes()), bytes(True), bytearray(False))
for args in [([256],), ([-1],), (["a"],), (1.5,), ("abc",), (-1,), (b"x", "utf-8"), ("x", "nope"), ([1], None, "strict")]:
    try:
        bytes(*args)
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__ + ":", e)
try:
    bytearray(1.5)
except TypeError as e:
    print("TypeError:", e)
print(bytes.__name__, type(b"").__name__, type(bytearray()).__name__, isinstance(b"", bytes), isinstance(bytearray(), bytes))
