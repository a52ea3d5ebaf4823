class L(list):
    def __len__(self):
        return 2 * super().__len__()
class D(dict):
    def __len__(self):
        return 42
class S(str):
    def __len__(self):
        return -1
class Plain(list):
    pass
print(len(L([1, 2])), len(D(a=1)), len(Plain([1])), bool(L()), bool(L([0])))
try:
    len(S("x"))
except ValueError as e:
    print(e)


class Backwards(list):
    def __iter__(self):
        return iter(list(reversed(list.__iter__(self).__class__ and [x for x in list.__iter__(self)])))


b = Backwards([1, 2, 3])
print(list(b), [x for x in b], sorted(b), tuple(b), sum(b))
first, *rest = b
print(first, rest)
for x in b:
    print(x, end=" ")
print()


class Chars(str):
    def __iter__(self):
        yield "<"
        yield from str.__iter__(self)
        yield ">"


print(list(Chars("ab")), "".join(Chars("hi")))
