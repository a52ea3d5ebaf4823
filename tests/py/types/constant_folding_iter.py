# `in` and `for` over list and set displays, `not` of comparisons, folded
# constants in tuples and match patterns.
def check(x):
    return x in [1, 2, 'a' * 2], x not in {3, 4}, x in [x, 5], not (x in (1,)), not (x is None)

print(check(1), check('aa'), check(3), check(None))
for v in [1, 'b' * 2, (1, -1)]:
    print(v)
print([v * 2 for v in [1, 2 ** 2]], {v for v in {1, 2, 1}}, [w for v in [[1], [2]] for w in v])
class Eq:
    def __eq__(self, other):
        print('eq called')
        return True
    __hash__ = object.__hash__
print(Eq() in [1, 2], Eq() in {1})
def m(v):
    match v:
        case -1:
            return 'minus one'
        case 1.5:
            return 'float'
        case -2j:
            return 'complex'
        case (1, 2):
            return 'pair'
        case _:
            return 'other'
print(m(-1), m(1.5), m(-2j), m((1, 2)), m(2))
def gen():
    for x in [1, 2]:
        yield x
print(list(gen()))
