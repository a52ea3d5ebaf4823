"""Data classes (PEP 557): the `@dataclass` decorator of CPython 3.11.

Covers `dataclass` with `init`, `repr`, `eq`, `order`, `unsafe_hash`,
`frozen`, `match_args`, `kw_only` and `slots`; `field` (`default`,
`default_factory`, `init`, `repr`, `hash`, `compare`, `metadata`,
`kw_only`); `KW_ONLY`, `InitVar`, `ClassVar` fields, `__post_init__`,
inheritance between data classes; `fields`, `asdict`, `astuple`,
`replace`, `is_dataclass`, `make_dataclass`, `FrozenInstanceError`,
`MISSING`.

As in CPython, the generated `__init__` is compiled from source text with
`exec`, so its signature, defaults and argument errors are a real
function's. Not provided: `weakref_slot`, `__doc__` signatures (CPython
uses `inspect.signature` there).
"""

import sys
import copy
import operator

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
           "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")
_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


class InitVar:
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f"dataclasses.InitVar[{type_name}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init", "compare",
                 "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else dict(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field("
                f"name={self.name!r},"
                f"type={self.type!r},"
                f"default={self.default!r},"
                f"default_factory={self.default_factory!r},"
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"hash={self.hash!r},"
                f"compare={self.compare!r},"
                f"metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},"
                f"_field_type={self._field_type}"
                ")")

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams("
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"eq={self.eq!r},"
                f"order={self.order!r},"
                f"unsafe_hash={self.unsafe_hash!r},"
                f"frozen={self.frozen!r}"
                ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    """Describes one field of a data class."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a_type):
    if a_type is _ClassVar():
        return True
    return type(a_type).__name__ == "_GenericAlias" and getattr(a_type, "__origin__", None) is _ClassVar()


def _ClassVar():
    typing = sys.modules.get("typing")
    return typing.ClassVar if typing is not None else None


def _is_initvar(a_type):
    return a_type is InitVar or type(a_type) is InitVar


def _is_kw_only(a_type):
    return a_type is KW_ONLY


def _string_annotation_kind(annotation):
    """String annotations are classified by their text, as CPython does
    for `ClassVar`, `InitVar` and `KW_ONLY`."""
    text = annotation.strip()
    for prefix in ("typing.ClassVar", "ClassVar"):
        if text == prefix or text.startswith(prefix + "["):
            return "classvar"
    for prefix in ("dataclasses.InitVar", "InitVar"):
        if text == prefix or text.startswith(prefix + "["):
            return "initvar"
    if text in ("dataclasses.KW_ONLY", "KW_ONLY"):
        return "kw_only"
    return None


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    kind = _string_annotation_kind(a_type) if isinstance(a_type, str) else None
    if kind == "classvar" or (kind is None and _is_classvar(a_type)):
        f._field_type = _FIELD_CLASSVAR
    elif kind == "initvar" or (kind is None and _is_initvar(a_type)):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f"field {f.name} cannot have a default factory")
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f"field {f.name} is a ClassVar but specifies kw_only")
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f"mutable default {type(f.default)} for field {f.name} is not allowed: "
                         "use default_factory")
    return f


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


def _tuple_str(obj_name, fields):
    if not fields:
        return "()"
    return f"({','.join(f'{obj_name}.{f.name}' for f in fields)},)"


def _init_fn(cls, fields, std_fields, kw_only_fields, frozen, has_post_init):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
    ns = {"MISSING": MISSING, "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
          "__dataclass_builtins_object__": object, "__dataclass_FrozenInstanceError__": FrozenInstanceError}
    def param(f):
        if f.default is MISSING and f.default_factory is MISSING:
            return f.name
        if f.default is not MISSING:
            ns[f"_dflt_{f.name}"] = f.default
            return f"{f.name}=_dflt_{f.name}"
        return f"{f.name}=_HAS_DEFAULT_FACTORY"

    params = [param(f) for f in std_fields]
    if kw_only_fields:
        params.append("*")
        params.extend(param(f) for f in kw_only_fields)
    body = []
    for f in fields:
        if f._field_type is not _FIELD:
            continue
        if f.default_factory is not MISSING:
            ns[f"_dflt_{f.name}"] = f.default_factory
            if f.init:
                value = f"_dflt_{f.name}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}"
            else:
                value = f"_dflt_{f.name}()"
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            ns[f"_dflt_{f.name}"] = f.default
            value = f"_dflt_{f.name}"
        else:
            continue
        if frozen:
            body.append(f"__dataclass_builtins_object__.__setattr__(self,{f.name!r},{value})")
        else:
            body.append(f"self.{f.name}=({value})")
    if has_post_init:
        initvars = ",".join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f"self.{_POST_INIT_NAME}({initvars})")
    if not body:
        body = ["pass"]
    src = f"def __init__(self,{','.join(params)}):\n" + "\n".join("  " + line for line in body) + "\n"
    exec(src, ns)
    fn = ns["__init__"]
    fn.__qualname__ = f"{cls.__qualname__}.__init__"
    return fn


_repr_running = set()


def _repr_fn(fields):
    names = [f.name for f in fields]

    def __repr__(self):
        key = (id(self),)
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            parts = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        finally:
            _repr_running.discard(key)
        return f"{self.__class__.__qualname__}({parts})"

    return __repr__


def _cmp_fn(cls, name, op, fields):
    """`cls.name`, comparing the `fields` of two instances of the same
    class as tuples with `op` (`operator.eq`, `operator.lt`...)."""
    names = [f.name for f in fields]

    def method(self, other):
        if other.__class__ is self.__class__:
            return op(tuple(getattr(self, n) for n in names), tuple(getattr(other, n) for n in names))
        return NotImplemented

    method.__name__ = name
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    return method


def _hash_fn(fields):
    names = [f.name for f in fields]

    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))

    return __hash__


def _frozen_get_del_attr(cls, fields):
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True
    cls_annotations = cls.__dict__.get("__annotations__", {})
    cls_fields = []
    kw_only_seen = False
    for name, a_type in cls_annotations.items():
        if _is_kw_only(a_type) or (isinstance(a_type, str) and _string_annotation_kind(a_type) == "kw_only"):
            if kw_only_seen:
                raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been specified")
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, _FIELDS, fields)
    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__))
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)
    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, "__init__",
                           _init_fn(cls, all_init_fields, std_init_fields, kw_only_init_fields, frozen,
                                    has_post_init))
    if repr:
        fn = _repr_fn([f for f in field_list if f.repr])
        fn.__qualname__ = f"{cls.__qualname__}.__repr__"
        _set_new_attribute(cls, "__repr__", fn)
    if eq:
        _set_new_attribute(cls, "__eq__", _cmp_fn(cls, "__eq__", operator.eq, [f for f in field_list if f.compare]))
    if order:
        flds = [f for f in field_list if f.compare]
        for name, op in [("__lt__", operator.lt), ("__le__", operator.le), ("__gt__", operator.gt),
                         ("__ge__", operator.ge)]:
            if _set_new_attribute(cls, name, _cmp_fn(cls, name, op, flds)):
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                                "Consider using functools.total_ordering")
    if frozen:
        setattr_fn, delattr_fn = _frozen_get_del_attr(cls, field_list)
        for name, fn in (("__setattr__", setattr_fn), ("__delattr__", delattr_fn)):
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    action = _hash_action(bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash)
    if action == "add":
        cls.__hash__ = _hash_fn(hash_fields)
    elif action == "set_none":
        cls.__hash__ = None
    elif action == "exception":
        raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
    if not getattr(cls, "__doc__"):
        cls.__doc__ = cls.__name__ + _signature_text(std_init_fields, kw_only_init_fields)
    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init_fields))
    if slots:
        cls = _add_slots(cls, frozen)
    return cls


def _format_annotation(annotation):
    """As `inspect.formatannotation` prints an annotation."""
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation).replace("typing.", "")


def _signature_text(std_fields, kw_only_fields):
    """The text of `inspect.signature` of the generated `__init__`, which
    CPython makes the docstring of a class that has none."""
    def one(f):
        text = f"{f.name}: {_format_annotation(f.type)}"
        if f.default is not MISSING:
            text += f" = {f.default!r}"
        elif f.default_factory is not MISSING:
            text += " = <factory>"
        return text

    parts = [one(f) for f in std_fields]
    if kw_only_fields:
        parts.append("*")
        parts.extend(one(f) for f in kw_only_fields)
    return "(" + ", ".join(parts) + ")"


def _hash_action(unsafe_hash, eq, frozen, has_explicit_hash):
    """CPython's `_hash_action` table."""
    if unsafe_hash:
        if has_explicit_hash:
            return "exception"
        return "add"
    if eq and frozen:
        return None if has_explicit_hash else "add"
    if eq and not frozen:
        return None if has_explicit_hash else "set_none"
    return None


def _add_slots(cls, is_frozen):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    cls_dict["__slots__"] = field_names
    for field_name in field_names:
        cls_dict.pop(field_name, None)
    cls_dict.pop("__dict__", None)
    cls_dict.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    """Adds `__init__`, `__repr__`, `__eq__` (and more on request) made
    from the class's annotated fields."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The `Field`s of a data class or instance, in definition order."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields as a dict, recursing into data classes, lists, tuples
    and dicts."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The fields as a tuple, recursing as `asdict` does."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance with `changes` applied to the fields."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified with "
                                 "replace()")
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True, order=False,
                   unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    """`make_dataclass('P', ['x', ('y', int, field(default=0))])`."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f"Invalid field: {item!r}")
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"Field names must be valid identifiers: {name!r}")
        if name in seen:
            raise TypeError(f"Field name duplicated: {name!r}")
        seen.add(name)
        annotations[name] = tp
    ns = dict(namespace)
    ns.update(defaults)
    ns["__annotations__"] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots)
