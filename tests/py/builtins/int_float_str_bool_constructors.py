print(int("7"), float("7"), str(7), bool(7), int(7.9), float(7), str(7.0))
print(list("ab"), tuple([1]), set([1, 1]), dict([("a", 1)]), frozenset("aa"))
print(bytes(2), bytearray(b"a"), complex("1+2j"))
