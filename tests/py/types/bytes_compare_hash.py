# Comparisons between bytes-likes, hashing, and bytes as dict keys.
print(b"abc" == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"x") == b"x")
print(b"a" < b"b", b"ab" < b"abc", b"b" > b"abc", bytearray(b"z") >= b"z", b"" <= b"")
print(b"abc" == "abc", b"1" == 1, b"abc" != b"abd")
print(hash(b"key") == hash(b"key"), hash(b"") == hash(b""))
d = {b"k": 1, b"j": 2}
print(d[b"k"], b"j" in d, bytes(b"k") in d)
print(sorted([b"c", b"a", b"b"]), max(b"xyz", b"abc"), min([bytearray(b"q"), b"p"]))
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print("TypeError:", e)
try:
    b"a" < "a"
except TypeError as e:
    print("TypeError:", e)
print({b"a", b"a", b"b"} == {b"a", b"b"}, len({b"x", bytes(b"x")}))
