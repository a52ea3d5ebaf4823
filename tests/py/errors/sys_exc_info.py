# sys.exc_info(): the exception being handled, through nested handlers,
# calls, generators and finally blocks inside a handler.
import sys
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, tb.tb_lineno)
    try:
        1 / 0
    except ZeroDivisionError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
def inner():
    return sys.exc_info()[1]
try:
    raise ValueError("v")
except ValueError:
    print(repr(inner()))
def gen():
    try:
        raise TypeError("t")
    except TypeError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
print(list(gen()))
try:
    sys.exc_info(1)
except TypeError as e:
    print(e)
try:
    raise OSError(2, "no")
except OSError:
    try:
        pass
    finally:
        print(sys.exc_info()[0].__name__)
