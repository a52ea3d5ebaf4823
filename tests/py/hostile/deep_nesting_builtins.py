# Containers nested far deeper than the recursion limit: repr and comparison
# recurse in the interpreter itself, and must raise
# RecursionError at the limit (as CPython's Py_EnterRecursiveCall does)
# rather than exhaust the stack or take quadratic time.
import sys
def t(name, f):
    try:
        r = f()
        print(name, "ok", r if isinstance(r, bool) else type(r).__name__)
    except RecursionError as e:
        print(name, "RecursionError:", e)
a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
t("list repr", lambda: repr(a))
t("list str", lambda: str(a))
t("print", lambda: print(a))
t("list eq", lambda: a == b)
t("list lt", lambda: a < b)
d = {}
e = {}
for i in range(100000):
    d = {"k": d}
    e = {"k": e}
t("dict repr", lambda: repr(d))
t("dict eq", lambda: d == e)
tup = ()
for i in range(100000):
    tup = (tup,)
t("tuple repr", lambda: repr(tup))
t("tuple eq", lambda: tup == tup[0])
s = frozenset()
for i in range(100000):
    s = frozenset([s])
t("frozenset repr", lambda: repr(s))
# Shallow nesting still works, and the depth is back to normal afterwards.
x = [[[[1]]]]
print(repr(x), x == [[[[1]]]], hash(((1,), (2,))) == hash(((1,), (2,))))
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(900))
sys.setrecursionlimit(50)
nested = eval('[' * 60 + ']' * 60)
t("limit 50 repr", lambda: repr(nested))
