"""Enumerations: CPython 3.11's `enum` for the common uses.

Provides `Enum`, `IntEnum`, `StrEnum`, `ReprEnum`, `Flag`, `IntFlag`,
`EnumType` (alias `EnumMeta`), `auto`, `unique` and the functional API
(`Enum('Animal', 'ANT BEE')`). Members are singletons made when the class
is, looked up by value (`Color(1)`) or name (`Color['RED']`), iterated in
definition order without aliases, and protected from reassignment; reprs,
`str()` and `format()` follow 3.11 (`<Color.RED: 1>`, `Color.RED`; the
value's own `str` for `IntEnum`, `StrEnum` and `IntFlag`). Members may
carry tuple values passed to `__init__` (the `Planet` example), enums may
define methods, `_missing_`, `_generate_next_value_` and `_ignore_`.

How it differs inside: a member's name and value live in its class's
tables, not in attributes, because instances of subclasses of `int` and
`str` have no `__dict__` in ouro; `name`, `value`, `_name_` and `_value_`
read those tables (`_name_` and `_value_` are set too where a member has
a `__dict__`). Not provided: `verify` and the `FlagBoundary` options
other than the defaults (`Flag` is strict, `IntFlag` keeps unknown bits),
`global_enum`, `property` (enum's own), `member`/`nonmember`, pickling
support.
"""

import sys
from types import MappingProxyType

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum", "auto",
           "unique"]

_auto_null = object()


class auto:
    """Stands for a value that `_generate_next_value_` picks."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_descriptor(obj):
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


def _is_private(cls_name, name):
    pattern = "_%s__" % (cls_name,)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


def _find_data_type(bases):
    """The builtin type a mixed-in enum's members are instances of
    (`int` for `IntEnum`), or None."""
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if base.__name__ in ("ReprEnum", "Enum", "Flag"):
                continue
            return base
    return None


class EnumType(type):
    """The metaclass of enumerations."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f"<enum {cls!r}> cannot extend {base!r}")
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        member_names = []
        for key, value in list(classdict.items()):
            if key in ignore or key == "_ignore_":
                continue
            if _is_dunder(key) or _is_sunder(key) or _is_private(cls, key):
                continue
            if _is_descriptor(value) and not isinstance(value, auto):
                continue
            member_names.append(key)
        values = {name: classdict[name] for name in member_names}
        namespace = {k: v for k, v in classdict.items() if k not in values and k not in ignore}
        namespace.pop("_ignore_", None)
        member_type = _find_data_type(bases) or object
        namespace["_member_names_"] = []
        namespace["_member_map_"] = {}
        namespace["_value2member_map_"] = {}
        namespace["_member_info_"] = {}
        namespace["_member_type_"] = member_type
        user_new = namespace.get("__new__")
        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)
        if member_type is not object:
            # As CPython does: where the data type's (or object's) method
            # would win by the MRO, the enum's own is installed.
            first_enum = next(b for b in enum_class.__mro__[1:] if isinstance(b, EnumType))
            for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
                if name in classdict:
                    continue
                owner = next((b for b in enum_class.__mro__ if name in b.__dict__), None)
                if owner is not None and not isinstance(owner, EnumType):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))
        generate = enum_class._generate_next_value_
        last_values = []
        for name in member_names:
            value = values[name]
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(name, 1, len(last_values), last_values[:])
                value = value.value
            last_values.append(value)
            enum_class._add_member_(name, value, user_new)
        return enum_class

    def _add_member_(cls, name, value, user_new=None):
        args = value if isinstance(value, tuple) else (value,)
        member_type = cls._member_type_
        if user_new is not None:
            member = user_new(cls, *args)
        elif member_type is object:
            member = object.__new__(cls)
        else:
            member = member_type.__new__(cls, *args)
        if user_new is not None and "_value_" in getattr(member, "__dict__", {}):
            value = member.__dict__["_value_"]
        elif member_type is not object and user_new is None:
            value = member_type(*args)
        # An alias: a second name for the member with the same value.
        for other in cls._member_map_.values():
            if other.value == value:
                cls._member_map_[name] = other
                type.__setattr__(cls, name, other)
                return
        cls._member_info_[id(member)] = (name, value)
        if hasattr(member, "__dict__"):
            member._name_ = name
            member._value_ = value
        # The nearest `__init__` of the enum or a base the user wrote (not
        # the data type's, object's or this module's enum bases').
        init = next((b.__dict__["__init__"] for b in cls.__mro__
                     if "__init__" in b.__dict__ and b not in (object, member_type)
                     and not b.__dict__.get("_is_enum_base_")), None)
        if init is not None:
            init(member, *args)
        cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_[value] = member
        except TypeError:
            pass
        type.__setattr__(cls, name, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _lookup_(cls, value):
        if isinstance(value, cls) and id(value) in cls._member_info_:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member.value == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of None or a "
                            "valid member")
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names, last = names, [], []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count, last[:])
                last.append(value)
                names.append((name, value))
        items = names.items() if hasattr(names, "items") else names
        for name, value in items:
            classdict[name] = value
        if module is None:
            try:
                module = sys._getframe(2).f_globals["__name__"]
            except (AttributeError, ValueError, KeyError):
                module = "__main__"
        classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return EnumType.__new__(EnumType, class_name, bases, classdict)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    @property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"{cls.__name__!r} cannot delete member {attr!r}.")
        super().__delattr__(attr)


EnumMeta = EnumType
Flag = None


class Enum(metaclass=EnumType):
    """The base of enumerations: `class Color(Enum): RED = 1`."""

    _is_enum_base_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                continue
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def _info(self):
        return type(self)._member_info_[id(self)]

    @property
    def name(self):
        return self._info()[0]

    @property
    def value(self):
        return self._info()[1]

    def __repr__(self):
        value_repr = self._member_type_.__repr__ if self._member_type_ is not object else repr
        value = self.value
        if self._member_type_ is not object and not isinstance(value, self._member_type_):
            value_repr = repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self.name, value_repr(value))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self.name)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        # A mixed-in enum hashes as its value, which it compares equal to
        # (CPython finds the data type's `__hash__` first in the MRO).
        if self._member_type_ is not object:
            return hash(self.value)
        return hash(self.name)

    def __reduce_ex__(self, proto):
        return self.__class__, (self.value,)

    def __dir__(self):
        names = ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]
        names += [m for m in type(self).__dict__ if not m.startswith("_")]
        return sorted(set(names))


class ReprEnum(Enum):
    """An enum whose `str()` and `format()` are its value's (`IntEnum`,
    `StrEnum`); only `repr()` shows the class."""

    _is_enum_base_ = True

    def __str__(self):
        return str(self.value)

    def __format__(self, format_spec):
        return format(self.value, format_spec)


class IntEnum(int, ReprEnum):
    """Members are ints and compare equal to them."""

    _is_enum_base_ = True


class StrEnum(str, ReprEnum):
    """Members are strs; `auto()` gives the lower-cased name."""

    _is_enum_base_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Members are bit flags that combine with `|`, `&`, `^` and `~`."""

    _is_enum_base_ = True
    _keep_unknown_bits_ = False

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        return 2 ** (_high_bit(last) + 1)

    @classmethod
    def _all_bits_(cls):
        bits = 0
        for member in cls:
            bits |= member.value
        return bits

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        all_bits = cls._all_bits_()
        unknown = value & ~all_bits
        if value < 0 or (unknown and not cls._keep_unknown_bits_):
            raise ValueError(f"{cls.__name__}({value!r}) is not a valid {cls.__qualname__}")
        parts = [m.name for m in cls if m.value and m.value & value == m.value]
        name = "|".join(parts) if parts else None
        if unknown:
            name = (name + "|" if name else "") + str(unknown)
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        cls._member_info_[id(pseudo)] = (name, value)
        cls._value2member_map_[value] = pseudo
        return pseudo

    def __repr__(self):
        name = self.name
        if name is None:
            return "<%s: %r>" % (self.__class__.__name__, self.value)
        return "<%s.%s: %r>" % (self.__class__.__name__, name, self.value)

    def __str__(self):
        name = self.name
        if name is None:
            return "%s(%r)" % (self.__class__.__name__, self.value)
        return "%s.%s" % (self.__class__.__name__, name)

    def __bool__(self):
        return bool(self.value)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other.value & self.value == other.value

    def __iter__(self):
        for member in type(self):
            v = member.value
            if v and v & (v - 1) == 0 and v & self.value:
                yield member

    def __len__(self):
        return sum(1 for _ in self)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other.value
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self.value | v)

    def __and__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self.value & v)

    def __xor__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return NotImplemented
        return self.__class__(self.value ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self._all_bits_() & ~self.value)


class IntFlag(int, ReprEnum, Flag):
    """Flags that are ints: unknown bits are kept, and `str()` is the int."""

    _is_enum_base_ = True
    _keep_unknown_bits_ = True

    def __str__(self):
        return str(self.value)

    def __format__(self, format_spec):
        return format(self.value, format_spec)

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__


def unique(enumeration):
    """Raises ValueError if any member of `enumeration` is an alias."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration
