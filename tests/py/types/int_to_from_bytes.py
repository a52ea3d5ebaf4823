# int.to_bytes and int.from_bytes: byte orders, signedness and overflow.
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (0).to_bytes(1, "big"), (255).to_bytes(1, "big"), (5).to_bytes())
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (127).to_bytes(1, "big", signed=True), (0).to_bytes(0, "big"))
for args, kw in [((1, "big"), {}), ((1, "big"), {"signed": False}), ((1, "mid"), {})]:
    for v in [256, -1]:
        try:
            print(v.to_bytes(*args, **kw))
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)
try:
    (128).to_bytes(1, "big", signed=True)
except OverflowError as e:
    print(e)
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 0]), int.from_bytes(bytearray(b"\x80"), "big", signed=True), int.from_bytes(b"", "big"))
