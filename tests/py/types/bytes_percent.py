# printf-style formatting of bytes (PEP 461).
print(b"%s-%s" % (b"a", bytearray(b"b")), b"%d|%5d|%-4d|%05d" % (1, 2, 3, 4), b"%x %X %o" % (255, 255, 8))
print(b"%r %a" % (b"q", "\xe9"), b"%c%c" % (65, b"B"), b"%%", b"%b" % b"bee", b"%.2f" % 3.14159)
print(b"%(name)s=%(v)d" % {b"name": b"x", b"v": 7}, bytearray(b"%s!") % b"ba")
for args in [("str",), (1, 2), ()]:
    try:
        print(b"%s" % args)
    except TypeError as e:
        print("TypeError:", e)
try:
    b"%c" % 256
except (OverflowError, TypeError) as e:
    print(type(e).__name__ + ":", e)
