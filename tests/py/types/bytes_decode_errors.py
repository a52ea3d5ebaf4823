# bytes.decode: UTF-8 error kinds and positions, handlers, other codecs.
for data in [b"\xff", b"ok\xe2\x82", b"\xe2\x82ok", b"\xed\xa0\x80", b"\xc0\xaf", b"a\x80"]:
    try:
        data.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
        print(e.encoding, e.object, e.start, e.end, e.reason)
print(b"a\xffb\xfe".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
print(ascii(b"\xff\xfe".decode("utf-8", "surrogateescape")), b"\xe9t\xe9".decode("latin-1"), b"\xe9".decode("iso-8859-1"))
print(b"h\x00i\x00".decode("utf-16-le"), b"\xff\xfeh\x00".decode("utf-16"), b"\x00\x00\x00A".decode("utf-32-be"))
try:
    b"caf\xe9".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    b"x".decode("nope")
except LookupError as e:
    print("LookupError:", e)
print(bytearray(b"\xc3\xa9").decode(), memoryview(b"mv").tobytes().decode(), b"".decode())
e = UnicodeDecodeError("ascii", b"ab\x80", 2, 3, "custom reason")
print(e, e.args[3], isinstance(e, UnicodeError), isinstance(e, ValueError))
