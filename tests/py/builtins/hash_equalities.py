print(hash(1) == hash(1.0), hash(0) == hash(False) == hash(0.0))
print(hash((1, 2)) == hash((1, 2)), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(10 ** 100) == hash(10 ** 100), hash(7), hash(()) == hash(()))
print(hash(""), hash(b""), hash(()) == hash(()), hash(frozenset()))
