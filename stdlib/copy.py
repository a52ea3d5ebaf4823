"""Generic (shallow and deep) copying operations, as CPython 3.11's copy.py.

Covers `copy`, `deepcopy` (with the memo dict, recursive structures and
`_keep_alive`), `Error`, the `__copy__`/`__deepcopy__` hooks, and the
`__reduce_ex__`/`__reduce__` protocol when a class defines it. Other
objects are rebuilt the way `object.__reduce_ex__(4)` describes them:
`cls.__new__(cls, *x.__getnewargs__())`, then the instance `__dict__`
and `__slots__` values, then the items of list and dict subclasses.
"""

class Error(Exception):
    pass

error = Error

__all__ = ["Error", "copy", "deepcopy"]


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if rv is None:
        return _rebuild(x, cls, None, False)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}

def _copy_immutable(x):
    return x

for t in (type(None), int, float, bool, str, tuple, frozenset, type, range,
          type(len), type(lambda: 0), type(...), type(NotImplemented), property):
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy

del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls)
                if rv is None:
                    y = _rebuild(x, cls, memo, True)
                elif isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)
    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)  # Make sure x lives at least as long as d
    return y


_deepcopy_dispatch = d = {}

def _deepcopy_atomic(x, memo):
    return x

for t in (type(None), int, float, bool, str, type, range, type(len),
          type(lambda: 0), type(...), type(NotImplemented), property):
    d[t] = _deepcopy_atomic

def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list

def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple

def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict

def _deepcopy_set(x, memo, deepcopy=deepcopy):
    y = set()
    memo[id(x)] = y
    for a in x:
        y.add(deepcopy(a, memo))
    return y
d[set] = _deepcopy_set

def _deepcopy_frozenset(x, memo, deepcopy=deepcopy):
    return frozenset([deepcopy(a, memo) for a in x])
d[frozenset] = _deepcopy_frozenset

def _deepcopy_method(x, memo):  # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))

class _HasMethod:
    def method(self):
        pass
d[type(_HasMethod().method)] = _deepcopy_method
del _HasMethod

del d, t


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


def _reduce(x, cls):
    """The class's own `__reduce_ex__(4)` or `__reduce__`, if it has one."""
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None:
        return x.__reduce_ex__(4)
    reductor = getattr(cls, "__reduce__", None)
    if reductor is not None:
        return x.__reduce__()
    return None


def _rebuild(x, cls, memo, deep):
    """What `object.__reduce_ex__(4)` and `_reconstruct` do together."""
    getnewargs = getattr(x, "__getnewargs__", None)
    args = getnewargs() if getnewargs is not None else ()
    if deep and args:
        args = deepcopy(args, memo)
    y = cls.__new__(cls, *args)
    if deep:
        memo[id(x)] = y
    state = getattr(x, "__dict__", None)
    if state:
        if deep:
            state = deepcopy(state, memo)
        y.__dict__.update(state)
    for klass in cls.__mro__:
        for name in klass.__dict__.get("__slots__", ()):
            if name in ("__dict__", "__weakref__") or not hasattr(x, name):
                continue
            value = getattr(x, name)
            setattr(y, name, deepcopy(value, memo) if deep else value)
    if isinstance(x, list):
        y.extend(deepcopy(item, memo) if deep else item for item in x)
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                key, value = deepcopy(key, memo), deepcopy(value, memo)
            y[key] = value
    elif isinstance(x, set):
        y.update(deepcopy(item, memo) if deep else item for item in x)
    return y


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
