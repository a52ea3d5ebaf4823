f = frozenset([3, 1, 2, 1])
print(sorted(f), len(f), 2 in f, type(f).__name__)
print(frozenset() == set(), f == {1, 2, 3}, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {f: "key"}
print(d[frozenset({1, 2, 3})])
print(type(f | {9}).__name__, type({9} | f).__name__)
try:
    f.add(4)
except AttributeError as e:
    print(e)
print(repr(frozenset()), repr(set()), {1, 2, 3})
