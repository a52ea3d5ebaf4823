# Padding, stripping and ASCII case methods of bytes and bytearray.
print(b"abc".center(8, b"-"), b"abc".center(7), b"abc".ljust(5, b"."), b"abc".rjust(5), b"abc".center(2))
print(b"42".zfill(5), b"-42".zfill(5), b"+x".zfill(4), bytearray(b"7").zfill(3))
print(b"  pad  ".strip(), b"  pad  ".lstrip(), b"  pad  ".rstrip(), b"xxhixx".strip(b"x"), b"abcba".strip(b"ab"))
print(b"Hello World".upper(), b"Hello World".lower(), b"hello world".title(), b"hELLO".capitalize(), b"AbC".swapcase())
print(b"caf\xc3\xa9".upper(), b"it's ok".title(), b"a\tb\tc".expandtabs(), b"a\tbc\td".expandtabs(4))
print(b"abc".isalpha(), b"ab1".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t\n".isspace(), b"".isspace())
print(b"ABC".isupper(), b"AbC".isupper(), b"abc1".islower(), b"Hello World".istitle(), b"hello".istitle(), b"\xff".isascii())
print(b"prefix-body".removeprefix(b"prefix-"), b"body.txt".removesuffix(b".txt"), b"same".removeprefix(b"x"))
try:
    b"abc".center(5, b"ab")
except TypeError as e:
    print("TypeError:", e)
