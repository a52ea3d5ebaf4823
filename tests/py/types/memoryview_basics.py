m = memoryview(b"abcdef")
print(m[0], bytes(m[1:3]), len(m), m.tobytes(), m.readonly)
ba = bytearray(b"xyz")
mv = memoryview(ba)
mv[0] = 65
print(ba, list(mv))
