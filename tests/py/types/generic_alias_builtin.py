import types
print(list[int], dict[str, int], tuple[int, ...], set[frozenset[str]], type[int])
print(list[list[int]], tuple[()], dict[str, list[int] | None])
print(type(list[int]), type(int | None))
print(int | None, int | str | None, int | int, None | int)
print(list[int].__origin__, list[int].__args__, (int | str).__args__)
print(list[int]([1, 2]), list[int]() == [])
print(isinstance(3, int | str), isinstance("a", int | None), issubclass(bool, int | str))
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print((int | str) == (str | int))
def f(x: list[int], y: dict[str, int] | None = None) -> tuple[int, str]:
    return (sum(x), str(y))
print(f([1, 2]), f.__annotations__)
class A: pass
print(list[A], A | None)
class MyList(list[int]):
    pass
print(MyList([1, 2]), MyList.__bases__)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    int | 5
except TypeError as e:
    print(e)
print(types.SimpleNamespace(a=1, b="x"), types.FunctionType, types.NoneType)
ns = types.SimpleNamespace(x=1); ns.y = 2; print(ns, ns == types.SimpleNamespace(x=1, y=2))
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), types.GeneratorType)
