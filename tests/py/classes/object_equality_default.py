class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b)
print(hash(a) == hash(a))
print(a in [b, a], [a].count(b))
