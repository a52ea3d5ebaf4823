e = OSError(2, "No such file", "a.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
print(type(OSError(13, "denied")).__name__, type(OSError(17, "exists")).__name__, type(OSError(999, "x")).__name__)
print(OSError("just text").errno, str(OSError("just text")), IOError is OSError, EnvironmentError is OSError)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code, SystemExit("bye").code)
ie = ImportError("msg", name="mod", path="/p")
print(ie.name, ie.path, ie.msg, ImportError("x").name)
try:
    import no_such_module_abc
except ModuleNotFoundError as m:
    print(m.name, m.msg)
print(StopIteration(5).value, StopIteration().value)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(UnicodeDecodeError, ValueError), issubclass(DeprecationWarning, Warning))
x = ValueError("x")
try:
    x.add_note(42)
except TypeError as t:
    print(t)
print(hasattr(x, "__notes__"), repr(ValueError("a", ("b",))))
