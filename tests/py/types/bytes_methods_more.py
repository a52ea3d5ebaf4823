b = b"  Hello World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.lower(), b.title())
print(b"a,b,c".split(b","), b"-".join([b"x", b"y"]), b"abc".startswith(b"ab"))
print(b"abc".isalpha(), b"123".isdigit(), b"x".center(5, b"*"), b"5".zfill(3))
print(b"key=val".partition(b"="), b"%d-%s" % (5, b"x"))
print(repr(b"'"), repr(b'"'), repr(b"\n\t\\"))
