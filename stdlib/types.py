"""Names for built-in types, and the two types behind annotations.

Covers CPython 3.11's `types` module in part:

- `GenericAlias`: what `list[int]`, `dict[str, int]` or `tuple[int, ...]`
  evaluate to (the builtin containers' `__class_getitem__` makes one).
  It has `__origin__`, `__args__` and `__parameters__`, prints as
  CPython prints it, calls its origin, serves as a base class (its
  origin's), is hashable and compares by origin and arguments.
  Substituting type variables (`list[T][int]`) is supported.
- `UnionType`: what `int | None` evaluates to (`type.__or__`), flattened
  and deduplicated, usable with `isinstance` and `issubclass`.
- `SimpleNamespace`, `new_class`-free names of the builtin types
  (`FunctionType`, `LambdaType`, `MethodType`, `BuiltinFunctionType`,
  `BuiltinMethodType`, `ModuleType`, `GeneratorType`, `CodeType`,
  `CellType`, `NoneType`, `EllipsisType`, `NotImplementedType`).

Not provided: `new_class`, `prepare_class`, `resolve_bases`,
`coroutine`, `DynamicClassAttribute`, `MappingProxyType`, frame and
traceback types, `get_original_bases`.
"""


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


def _cell():
    x = None

    def inner():
        return x

    return inner.__closure__[0]


CellType = type(_cell())


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
import sys as _sys
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)

del _f, _cell, _g, _C, _sys


class SimpleNamespace:
    """A plain attribute bag: `SimpleNamespace(a=1).a`."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

from _generic_alias import GenericAlias, UnionType
