"""`types.GenericAlias` and `types.UnionType`, apart from `types` so that
the interpreter's own hooks (`list[int]`, `int | None`) load them from the
embedded library, whatever `types.py` a script's folder holds. The
`types` module re-exports them; see its docstring.
"""

NoneType = type(None)


def _type_repr(obj):
    """One argument as `GenericAlias` and `UnionType` print it
    (CPython's `ga_repr_item`)."""
    if obj is Ellipsis:
        return "..."
    if hasattr(obj, "__origin__") and hasattr(obj, "__args__"):
        return repr(obj)
    qualname = getattr(obj, "__qualname__", None)
    module = getattr(obj, "__module__", None)
    if qualname is None or module is None:
        return repr(obj)
    if module == "builtins":
        return qualname
    return f"{module}.{qualname}"


def _is_typevar(obj):
    return type(obj).__name__ in ("TypeVar", "ParamSpec", "TypeVarTuple") and \
        type(obj).__module__ == "typing"


def _collect_parameters(args):
    params = []
    for a in args:
        if _is_typevar(a):
            if a not in params:
                params.append(a)
        elif not isinstance(a, type):
            # Any alias, typing's included (CPython's `_collect_parameters`);
            # a generic class's own `__parameters__` do not count.
            for p in getattr(a, "__parameters__", ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


def _substitute(arg, mapping):
    if _is_typevar(arg):
        return mapping.get(arg, arg)
    if not isinstance(arg, type) and getattr(arg, "__parameters__", ()):
        return arg[tuple(mapping.get(p, p) for p in arg.__parameters__)]
    return arg


def _parameter_mapping(alias, items):
    """`alias[items]` for an alias with type variables: each variable
    with the type that replaces it."""
    params = alias.__parameters__
    if not params:
        raise TypeError(f"{alias!r} is not a generic class")
    if not isinstance(items, tuple):
        items = (items,)
    if len(items) != len(params):
        raise TypeError(
            f"Too {'many' if len(items) > len(params) else 'few'} arguments for {alias!r}; "
            f"actual {len(items)}, expected {len(params)}")
    return dict(zip(params, items))


class GenericAlias:
    """`origin[args]`: a parameterised builtin generic such as `list[int]`."""

    __module__ = "types"

    def __new__(cls, origin, args, /):
        self = object.__new__(cls)
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)
        return self

    def __repr__(self):
        args = self.__args__
        inner = ", ".join(_type_repr(a) for a in args) if args else "()"
        return f"{_type_repr(self.__origin__)}[{inner}]"

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __getitem__(self, items):
        mapping = _parameter_mapping(self, items)
        return GenericAlias(self.__origin__, tuple(_substitute(a, mapping) for a in self.__args__))

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getattr__(self, name):
        # Everything else is the origin's (`list[int].append`), as in
        # CPython's `ga_getattro`, except the dunders.
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(f"'types.GenericAlias' object has no attribute '{name}'")
        return getattr(self.__origin__, name)


def _unionable(obj):
    return obj is None or isinstance(obj, (type, GenericAlias, UnionType)) or _is_typevar(obj)


def _union(left, right):
    """`left | right` as `type.__or__` makes it (CPython's
    `_Py_union_type_or`): NotImplemented unless both sides are types,
    None, aliases or unions."""
    if not (_unionable(left) and _unionable(right)):
        return NotImplemented
    args = []
    for side in (left, right):
        for a in side.__args__ if isinstance(side, UnionType) else (side,):
            a = NoneType if a is None else a
            if a not in args:
                args.append(a)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class UnionType:
    """`X | Y`: a union of types, as `int | None` makes it."""

    __module__ = "types"

    def __init__(self, args, /):
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)

    def __repr__(self):
        return " | ".join("None" if a is NoneType else _type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    __or__ = GenericAlias.__or__
    __ror__ = GenericAlias.__ror__

    def __getitem__(self, items):
        mapping = _parameter_mapping(self, items)
        result = None
        for a in self.__args__:
            a = _substitute(a, mapping)
            result = a if result is None else _union(result, a)
        return result

    def _checked(self, what):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError(f"{what}() argument 2 cannot be a parameterized generic")
        return tuple(a for a in self.__args__ if isinstance(a, type))

    def __instancecheck__(self, obj):
        return isinstance(obj, self._checked("isinstance"))

    def __subclasscheck__(self, cls):
        return issubclass(cls, self._checked("issubclass"))

