# Unbounded recursion by every route ends in RecursionError, and the
# interpreter carries on normally afterwards.
import sys

def attempt(label, f):
    try:
        f()
        print(label, "returned")
    except RecursionError:
        print(label, "RecursionError")

def plain(n):
    return plain(n + 1)

def ping(n):
    return pong(n + 1)

def pong(n):
    return ping(n + 1)

class Repr:
    def __repr__(self):
        return repr(self)

class Eq:
    def __eq__(self, other):
        return self == other

class GetAttr:
    def __getattr__(self, name):
        return self.missing

class Init:
    def __init__(self):
        Init()

def gen():
    yield from gen()

def comp(n):
    return [comp(n + 1) for _ in range(1)]

attempt("plain", lambda: plain(0))
attempt("mutual", lambda: ping(0))
attempt("__repr__", lambda: repr(Repr()))
attempt("__eq__", lambda: Eq() == Eq())
attempt("__getattr__", lambda: GetAttr().x)
attempt("__init__", lambda: Init())
attempt("generator", lambda: list(gen()))
attempt("comprehension", lambda: comp(0))
attempt("lambda", lambda: (f := lambda: f())())

def depth(n):
    return n if n == 0 else 1 + depth(n - 1)

print(depth(500))
print(sys.getrecursionlimit())
