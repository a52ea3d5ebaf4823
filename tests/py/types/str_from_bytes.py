# str(bytes, encoding, errors) decodes; ord() of a one-byte bytes-like.
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(bytearray(b"x\xff"), "utf-8", "replace"))
print(str(b"q"), str(object=b"w"), str(b"\xe9", errors="replace"), str(memoryview(b"mv"), "ascii"))
for args in [("abc", "utf-8"), (5, "utf-8"), (b"x", 5)]:
    try:
        str(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(ord(b"a"), ord(bytearray(b"\xff")))
try:
    ord(b"ab")
except TypeError as e:
    print("TypeError:", e)
