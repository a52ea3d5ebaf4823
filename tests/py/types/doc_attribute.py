# Every object has a __doc__: classes and functions their docstring or
# None, builtin exception types CPython's docstrings.
class Documented:
    """A class with a docstring."""

    def method(self):
        """A method's docstring."""

    @property
    def prop(self):
        """A property's docstring."""
        return 1


class Plain:
    pass


def f():
    """Function docstring."""


def g():
    pass


print(Documented.__doc__, Documented().__doc__)
print(Documented.method.__doc__, Documented().method.__doc__)
print(Documented.prop.__doc__)
print(Plain.__doc__, Plain().__doc__, f.__doc__, g.__doc__, (lambda: 0).__doc__)
print((x for x in ()).__doc__)

for exc in (ValueError, KeyError, ZeroDivisionError, StopIteration, OSError,
            FileNotFoundError, NotImplementedError, RecursionError, SystemExit,
            KeyboardInterrupt, UnicodeDecodeError, ExceptionGroup,
            BaseExceptionGroup, Exception, BaseException, SystemError):
    print(exc.__name__, repr(exc.__doc__))
print(repr(ValueError("x").__doc__))


class MyError(ValueError):
    pass


class MyDocumentedError(ValueError):
    """Raised when documented."""


print(MyError.__doc__, MyError().__doc__, MyDocumentedError.__doc__)
try:
    raise MyDocumentedError
except ValueError as e:
    print(type(e).__doc__)

# An instance attribute named __doc__ shadows the class's.
p = Plain()
p.__doc__ = "instance doc"
print(p.__doc__, Plain.__doc__)
f.__doc__ = "changed"
print(f.__doc__)
print(hasattr(1, "__doc__"), hasattr(len, "__doc__"), hasattr([].append, "__doc__"))

# Builtin objects' __doc__ cannot be set; a method's is its function's.
class B:
    def m(self):
        """m's doc"""


b = B()
print(b.m.__doc__, b.m.__name__, b.m.__qualname__)
for stmt in ("(1).__doc__ = 'x'", "len.__doc__ = 'x'", "[].append.__doc__ = 'x'",
             "b.m.__doc__ = 'x'", "(x for x in ()).__doc__ = 'x'", "int.__doc__ = 'x'",
             "del (1).__doc__", "b.m.missing"):
    try:
        exec(stmt)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
