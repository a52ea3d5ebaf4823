# dict.fromkeys is a classmethod: through the type, an instance or a
# subclass (which it calls, then fills with __setitem__).
from collections import OrderedDict, Counter, defaultdict
print(dict.fromkeys('ab'), {}.fromkeys([1, 2], 0), dict.fromkeys({'a': 1}, 5))
class D(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
d = D.fromkeys('xy', 1)
print(type(d).__name__, d)
print(type(D().fromkeys('z')).__name__)
print(OrderedDict.fromkeys('ab'), type(OrderedDict.fromkeys('ab')).__name__)
for e in ["{}.fromkeys()", "dict.fromkeys(1, 2, 3)", "dict.fromkeys(5)", "dict.fromkeys([[]])"]:
    try:
        eval(e)
    except TypeError as x:
        print(e, '->', x)
