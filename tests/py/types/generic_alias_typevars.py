# Substituting type variables in builtin aliases and unions.
from typing import TypeVar, List, Dict, Generic
T = TypeVar("T")
K = TypeVar("K")
print(list[T], list[T].__parameters__, dict[K, T].__parameters__, (list[T] | None).__parameters__)
print(list[T][int], dict[K, T][str, int], (list[T] | None)[int], (int | list[T])[str])
print(dict[str, list[T]][bytes], tuple[T, ...][float], List[T][int], Dict[K, T][str, int])
Pair = tuple[K, T]
print(Pair[int, str], Pair.__args__, Pair[int, str].__args__)
for bad in (lambda: list[int][str], lambda: dict[K, T][int], lambda: dict[K, T][int, str, bytes]):
    try:
        bad()
    except TypeError as e:
        print(e)
class Box(Generic[T]):
    pass
print(Box[int], list[Box[T]][str])
