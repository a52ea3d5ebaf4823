# typing's checks of type arguments follow 3.11: plain tuples, bare
# special forms and ClassVar/Final inside other types are errors; other
# values pass.
from typing import Any, ClassVar, Dict, Final, Generic, List, Optional, Union
print(List[1], Dict[str, 1], Union[1, 2])
cases = [
    lambda: List[(int, str)],
    lambda: List[Union],
    lambda: List[ClassVar[int]],
    lambda: ClassVar[ClassVar[int]],
    lambda: Optional[Generic],
    lambda: List[Final[int]],
    lambda: ClassVar[1, 2],
    lambda: Union[()],
]
for case in cases:
    try:
        print(case())
    except TypeError as e:
        print("TypeError:", e)
print(List[Any], Optional[int], List["X"], ClassVar[int], List[...])

class A:
    x: ClassVar[int] = 1
print(A.__annotations__)
