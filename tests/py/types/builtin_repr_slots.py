class D(dict):
    def __repr__(self):
        return "D" + super().__repr__()

class L(list):
    def __repr__(self):
        return "L" + list.__repr__(self)

class I(int):
    def __repr__(self):
        return "I(" + int.__repr__(self) + ")"

print(repr(D(a=1)), repr(L([1, [2]])), repr(I(5)), [I(1)])
print(dict.__repr__({"k": "v"}), tuple.__repr__((1,)), str.__repr__("q"), float.__repr__(0.5))
from collections import defaultdict
dd = defaultdict(int)
dd["x"] += 2
print(dd, repr(dd))
try:
    from collections import no_such_name
except ImportError as e:
    print(e.name, e.path is not None)
