"""Shallow and deep copy operations (CPython 3.11's `copy` module).

Covers `copy`, `deepcopy` (with the memo dict, so shared and recursive
structures keep their shape), the `__copy__`/`__deepcopy__` hooks, the
atomic builtin types, list, tuple, dict, set and frozenset (exact types),
and instances of classes defined in Python: a new instance is made with
`cls.__new__(cls)` and given (a copy of) the original's `__dict__` and
`__slots__` values, which is what CPython's `__reduce_ex__(4)` amounts to
for them. ouro has no pickle protocol, so anything else (a list subclass
with extra state, a generator...) raises `copy.Error`.
"""


class Error(Exception):
    pass


error = Error

_atomic = (
    type(None), int, float, bool, complex, str, type(b""), type, range,
    type(len), type(Ellipsis), type(NotImplemented), type(lambda: 0), property,
)
_containers = (list, tuple, dict, set, frozenset)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None, "shallow")


_nil = []


def deepcopy(x, memo=None, _nil=_nil):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A recursive tuple may have been copied meanwhile.
        if d in memo:
            return memo[d]
        y = x
        for k, j in zip(x, items):
            if k is not j:
                y = tuple(items)
                break
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo, "deep")
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keeps `x` alive as long as `memo`, so its id is not reused."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ("__dict__", "__weakref__") and name not in names:
                names.append(name)
    return names


def _reconstruct(x, memo, kind):
    cls = type(x)
    if isinstance(x, _containers) or isinstance(x, BaseException):
        raise Error("un(%s)copyable object of type %s" % (kind, cls))
    try:
        state = object.__getattribute__(x, "__dict__")
    except AttributeError:
        state = None
    slots = _slot_names(cls)
    if state is None and not slots and not hasattr(cls, "__slots__"):
        raise Error("un(%s)copyable object of type %s" % (kind, cls))
    y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            y.__dict__.update(state)
    for name in slots:
        if hasattr(x, name):
            value = getattr(x, name)
            if memo is not None:
                value = deepcopy(value, memo)
            object.__setattr__(y, name, value)
    return y
