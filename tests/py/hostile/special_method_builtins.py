# A special method that is a builtin function or a class, not a method:
# it is called unbound, as CPython calls it (no `self`), and must not
# come back to the same lookup without end.

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

class R:
    __repr__ = repr
class B:
    __bool__ = bool
class L:
    __len__ = len
class BL:
    __len__ = bool
class H:
    __hash__ = hash
class S:
    __str__ = str

attempt("repr", lambda: repr(R()))
attempt("str of repr", lambda: str(R()))
attempt("bool", lambda: bool(B()))
attempt("if", lambda: "yes" if B() else "no")
attempt("not", lambda: not B())
attempt("len", lambda: len(L()))
attempt("bool of len", lambda: bool(L()))
attempt("len of bool", lambda: len(BL()))
attempt("hash", lambda: hash(H()))
attempt("str", lambda: str(S()))
print("still running")
