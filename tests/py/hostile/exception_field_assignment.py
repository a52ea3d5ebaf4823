# Exception fields set and deleted as attributes: args, the chain and the
# traceback live outside __dict__ and are checked as CPython checks them.
e = ValueError(1)
for name in ("args", "__cause__", "__context__", "__traceback__", "__suppress_context__"):
    try:
        delattr(e, name)
    except TypeError as x:
        print(name, type(x).__name__, x)
for name, v in [("__cause__", 5), ("__context__", 5), ("__traceback__", 5), ("__suppress_context__", 5), ("args", 5)]:
    try:
        setattr(e, name, v)
    except TypeError as x:
        print(name, type(x).__name__, x)
e.args = [1, 2]
print(e.args, e, repr(e))
print(e.__suppress_context__)
e.__cause__ = KeyError("k")
print(repr(e.__cause__), e.__suppress_context__, "args" in vars(e), vars(e))
e.__suppress_context__ = False
e.__context__ = None
print(e.__suppress_context__, e.__context__)
e.custom = 3
print(vars(e))
try:
    1 / 0
except ZeroDivisionError as z:
    tb = z.__traceback__
e2 = RuntimeError("x")
e2.__traceback__ = tb
print(e2.__traceback__ is not None, e2.__traceback__.tb_lineno)
e2.__traceback__ = None
print(e2.__traceback__)
def chained():
    err = ValueError("outer")
    err.__cause__ = KeyError("inner")
    raise err
try:
    chained()
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__)
e3 = TypeError("shown")
e3.__cause__ = OSError("the cause")
raise e3
