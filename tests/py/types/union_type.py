# `X | Y` between classes (PEP 604): types.UnionType, flattened and
# deduplicated, with isinstance/issubclass, and in annotations.
import types
u = int | str
print(u, type(u), u.__args__)
print(int | str | None, (int | str) | (float | None), int | (str | int))
print(int | int, type(int | int), None | None if False else "skip")
print((int | str) == (str | int), hash(int | str) == hash(str | int), (int | None) == (int | None))
print(isinstance(1, int | str), isinstance(1.5, int | str), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))
class A: pass
class B(A): pass
print(A | B, isinstance(B(), A | None), list[int] | None, None | list[int])
print(isinstance(3, (int | str, float)))
try:
    isinstance([], list[int] | None)
except TypeError as e:
    print(e)
for bad in (lambda: int | 3, lambda: 3 | int, lambda: "a" | int):
    try:
        bad()
    except TypeError as e:
        print(e)
def area(w: int | float, h: int | float | None = None) -> float | None:
    return w * (h if h is not None else w)
print(area(2), area(2, 3.5), area.__annotations__)
print(types.UnionType, types.GenericAlias)
