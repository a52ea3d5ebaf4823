print(format(42), format(42, "08b"), format(3.5, ".3f"), format("s", "^5"))
print(repr("a'b"), repr(1.0), repr([1, "2"]), repr(None))
print(str(b"x"), str(1e-10), str(12.0))
