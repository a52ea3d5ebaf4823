# repr of bytes and bytearray: CPython's choice of quote and its escapes.
print(repr(b"plain"), repr(b""), repr(bytearray()))
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""))
print(repr(bytearray(b"it's")), repr(bytearray(b'"q"')), repr(bytearray(b"'\"")))
print(repr(b"\\ \t\n\r\x00\x1f\x7f\x80\xff"))
print(repr(bytearray(b"\\ \t\n\r\x00\x7f\xff")))
print(str(b"abc"), f"{b'x'}", "%s" % b"y", [b"in list"], (bytearray(b"t"),))
print(b"\x41\x42", b"\101", b"a" b"b", rb"\n", len(rb"\n"), b"""tri
ple""")
