print(repr([1, "a", 2.0, None, True]))
print(repr((1,)), repr(()), repr({}), repr(set()), repr({1}), repr({"a": [1, (2,)]}))
print(repr(b"x"), repr(bytearray(b"x")), repr(range(3)), repr(range(1, 5, 2)))
print(str([1, "a"]), str(("b",)), [1.0, -0.0, 1e100])
