from typing import (Any, Callable, Dict, List, Optional, Set, Tuple, Union, Iterable, Iterator,
                    Sequence, Mapping, TypeVar, Generic, NamedTuple, cast, overload, Type, FrozenSet,
                    Literal, ClassVar, Final, get_type_hints, get_origin, get_args, Protocol,
                    runtime_checkable, TypedDict, NewType, Generator, DefaultDict, Deque, Counter, AnyStr)
import typing
print(List, List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str])
print(Tuple[int, ...], Tuple[()], Tuple[int, str], Callable[[int, str], bool], Callable[..., int])
print(Iterable[int], Sequence[str], Mapping[str, int], Set[int], FrozenSet[str], Type[int], Any)
print(Literal["a", 1], ClassVar[int], Final[str], Generator[int, None, None], DefaultDict[str, int])
print(Union[int], Union[int, Union[str, int]], Optional[Union[int, str]])
print(Union[int, str] == Union[str, int], Union[int, str] == (int | str), Optional[int] == Union[int, None])
print(List[int].__origin__, List[int].__args__, Dict[str, int].__args__, List.__origin__)
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(int), get_args(int), get_args(Callable[[int], str]))
print(isinstance([], List), isinstance({}, Mapping), isinstance(3, Union[int, str]), issubclass(list, Sequence))
try:
    isinstance([], List[int])
except TypeError as e:
    print(e)
try:
    List()
except TypeError as e:
    print(e)
T = TypeVar("T")
K = TypeVar("K", bound=int)
U = TypeVar("U", covariant=True)
print(T, K, U, T.__name__, K.__bound__)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), Stack[int], Stack.__parameters__, Stack[str] == Stack[str])
class IntStack(Stack[int]): pass
print(IntStack.__mro__, IntStack.__orig_bases__)
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm(), Point(1), Point._fields, Point.__annotations__)
P2 = NamedTuple("P2", [("a", int), ("b", str)])
print(P2(1, "x"))
def f(x: int, y: Optional[str] = None) -> List[int]:
    return [x]
print(get_type_hints(f), f.__annotations__)
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title="x", year=1)
print(m, type(m), Movie.__required_keys__ == {"title", "year"})
UserId = NewType("UserId", int)
print(UserId(5), UserId)
print(cast(int, "3"), cast(List[int], [1]))
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x
print(g(3))
print(typing.TYPE_CHECKING, AnyStr, typing.Text)
class C:
    a: int
    b: "str"
print(get_type_hints(C))
def h(items: list[int], m: dict[str, "C"] | None) -> tuple[int, ...]: ...
print(h.__annotations__)
