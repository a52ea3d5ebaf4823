# collections.abc: structural checks, registration, and the mixin
# methods of Sequence and MutableMapping.
import collections.abc as c
print(isinstance([], c.Iterable), isinstance(1, c.Iterable), issubclass(dict, c.Mapping), isinstance({}.keys(), c.KeysView))
print(isinstance(iter([]), c.Iterator), isinstance((x for x in []), c.Generator), isinstance(len, c.Callable))
class S(c.Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * 2
s = S(4)
print(list(s), 4 in s, s.index(6), s.count(2), list(reversed(s)))
class M(c.MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M(); m.update(a=1, b=2); print(dict(m), m.get("z", 0), m.pop("a"), list(m.items()), m == {"b": 2})
print(c.Iterable[int], c.Callable[[int], str])
from collections.abc import (Hashable, Sized, Container, Reversible, Collection, Set, MutableSet,
                             MutableSequence, KeysView, ValuesView, ItemsView, ByteString)
from collections import deque, OrderedDict, Counter, defaultdict
print(isinstance(1, Hashable), isinstance([], Hashable), isinstance("", Sized), isinstance(3, Container))
print(isinstance(deque(), MutableSequence), isinstance(OrderedDict(), c.MutableMapping), isinstance(Counter(), c.Mapping))
print(isinstance(frozenset(), Set), isinstance(set(), MutableSet), isinstance(b"", ByteString), isinstance((), MutableSequence))
print(isinstance({}.values(), ValuesView), isinstance({}.items(), ItemsView), issubclass(range, c.Sequence), issubclass(str, Reversible))
class Bits(Set):
    def __init__(self, items): self.items = frozenset(items)
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(sorted(self.items))
    def __len__(self): return len(self.items)
a, b = Bits([1, 2, 3]), Bits([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= Bits([1, 2, 3, 4]), a.isdisjoint(Bits([9])))
class Half(c.Mapping):
    def __getitem__(self, k): return k // 2
try:
    Half()
except TypeError as e:
    print(e)
class L(MutableSequence):
    def __init__(self): self.data = []
    def __getitem__(self, i): return self.data[i]
    def __setitem__(self, i, v): self.data[i] = v
    def __delitem__(self, i): del self.data[i]
    def __len__(self): return len(self.data)
    def insert(self, i, v): self.data.insert(i, v)
l = L(); l.append(1); l.extend([2, 3]); l += [4]; l.reverse(); print(l.data, l.pop(), l.data, l.index(2))
l.remove(2); print(l.data, list(reversed(l)))
