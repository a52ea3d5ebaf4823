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
  `CellType`, `NoneType`, `EllipsisType`, `NotImplementedType`),
  `MappingProxyType` (a read-only view written in Python).

Not provided: `new_class`, `prepare_class`, `resolve_bases`,
`coroutine`, `DynamicClassAttribute`, frame and
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


class MappingProxyType:
    """A read-only view of a mapping."""

    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        if not hasattr(mapping, "keys") or not hasattr(mapping, "__getitem__") or isinstance(mapping, (list, tuple)):
            raise TypeError(f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}")
        object.__setattr__(self, "_mapping", mapping)

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __reversed__(self):
        return reversed(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __eq__(self, other):
        return self._mapping == other

    def __or__(self, other):
        return self._mapping | other

    def __ror__(self, other):
        return other | self._mapping

    def __repr__(self):
        return f"mappingproxy({self._mapping!r})"

    def __str__(self):
        return str(self._mapping)

    def __setattr__(self, name, value):
        raise AttributeError(f"'mappingproxy' object has no attribute '{name}'")


MappingProxyType.__name__ = MappingProxyType.__qualname__ = "mappingproxy"
