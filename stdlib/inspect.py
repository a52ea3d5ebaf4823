"""A small part of CPython 3.11's inspect module.

Covers the type predicates (`ismodule`, `isclass`, `ismethod`,
`isfunction`, `isgeneratorfunction`, `isgenerator`, `isbuiltin`,
`isroutine`, `iscode`, `isframe`, `istraceback`), and
`getgeneratorstate` with its `GEN_*` constants, written as in CPython.
"""

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'

# co_flags bit of generator functions.
CO_GENERATOR = 0x20

def _gen():
    yield

_FunctionType = type(_gen)
_GeneratorType = type(_gen())
_BuiltinFunctionType = type(len)
import sys as _sys
_ModuleType = type(_sys)
del _sys
_MethodType = type(type('_C', (), {'m': lambda self: None})().m)
del _gen


def ismodule(object):
    """Return true if the object is a module."""
    return isinstance(object, _ModuleType)

def isclass(object):
    """Return true if the object is a class."""
    return isinstance(object, type)

def ismethod(object):
    """Return true if the object is an instance method."""
    return isinstance(object, _MethodType)

def isfunction(object):
    """Return true if the object is a user-defined function."""
    return isinstance(object, _FunctionType)

def isgeneratorfunction(obj):
    """Return true if the object is a user-defined generator function."""
    while ismethod(obj):
        obj = obj.__func__
    return isfunction(obj) and bool(obj.__code__.co_flags & CO_GENERATOR)

def isgenerator(object):
    """Return true if the object is a generator."""
    return isinstance(object, _GeneratorType)

def isbuiltin(object):
    """Return true if the object is a built-in function or method."""
    return isinstance(object, _BuiltinFunctionType)

def isroutine(object):
    """Return true if the object is any kind of function or method."""
    return isbuiltin(object) or isfunction(object) or ismethod(object)

def iscode(object):
    """Return true if the object is a code object."""
    return type(object).__name__ == 'code'

def isframe(object):
    """Return true if the object is a frame object."""
    return type(object).__name__ == 'frame'

def istraceback(object):
    """Return true if the object is a traceback."""
    return type(object).__name__ == 'traceback'

def getgeneratorstate(generator):
    """Get current state of a generator-iterator.

    Possible states are:
      GEN_CREATED: Waiting to start execution.
      GEN_RUNNING: Currently being executed by the interpreter.
      GEN_SUSPENDED: Currently suspended at a yield expression.
      GEN_CLOSED: Execution has completed.
    """
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED
