b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1])
print(list(b[:2]), bytes([65, 66, 67]), bytes(3), bytes("hé", "utf-8"))
print(b.upper(), b.replace(b"l", b"L"), b.split(b"l"), b.find(b"l"), b.count(b"l"))
print(b + b" world", b * 2, b"ell" in b, 104 in b)
print(b.hex(), bytes.fromhex("de ad be ef"), b"\x00\xff")
