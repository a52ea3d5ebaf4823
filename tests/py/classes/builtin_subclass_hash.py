# hash() of instances of subclasses of builtins: their own __hash__ wins,
# __eq__ without __hash__ makes them unhashable, and the mutable
# containers stay unhashable (list.__hash__ is None).
class L(list):
    def __hash__(self):
        return 7
class S(str):
    def __hash__(self):
        return 8
class I(int):
    def __hash__(self):
        return -1
class T(tuple):
    pass
class D(dict):
    def __hash__(self):
        return id(self) % 5 + 100
print(hash(L([1])), hash(S("a")), hash(I(3)), hash(T((1, 2))) == hash((1, 2)), 100 <= hash(D()) < 105)
print({L(): "list key"}[L()] if False else {S("k"): 1}.get(S("k")), list.__hash__, dict.__hash__, set.__hash__)
class E(str):
    def __eq__(self, other):
        return True
class LL(list):
    pass
for x in (E("e"), LL(), [], {}, set(), bytearray()):
    try:
        hash(x)
        print("hashable", type(x).__name__)
    except TypeError as e:
        print(e)
class Back(list):
    __hash__ = None
try:
    {Back(): 1}
except TypeError as e:
    print(e)
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(S("x")) == hash(S("y")))
