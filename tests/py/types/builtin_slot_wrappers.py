d = {"a": 1, "b": 2}
print(d.__len__(), d.__contains__("a"), d.__getitem__("b"), list(d.__iter__()))
it = iter([10, 20])
nxt = it.__next__
print(nxt(), nxt())
try:
    nxt()
except StopIteration:
    print("stop")
print([1, 2, 3].__getitem__(1), (4, 5).__len__(), "abc".__contains__("b"), range(5).__len__())
print(list.__len__([1, 2]), str.__getitem__("xyz", -1), iter(it) is it.__iter__())
print(list(reversed({"x": 1, "y": 2})), list(reversed({"x": 1, "y": 2}.items())))
print({"k": 1}.keys() >= {"k"}, sorted({"a": 1}.keys() | {"b"}), {"a": 1, "b": 2}.keys() - {"a"})
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {1: [1]} == {1: [1]}, dict.__eq__({}, []))
class D(dict):
    pass
dd = D(x=1)
dd.note = "attr"
print(dd, dd.note, type(dd).__name__, dd == {"x": 1})
