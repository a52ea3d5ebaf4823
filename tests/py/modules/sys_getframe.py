# sys._getframe(depth): snapshots of the running frames (code, line of the
# call in progress, globals, locals, f_back), and namedtuple naming its
# caller's module through it.
import sys, collections
def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, sorted(f.f_locals), f.f_globals is globals()
def outer(a, b=2):
    c = 3
    return where()
print(outer(1))
f = sys._getframe()
print(f.f_code.co_name, f.f_back, "sys" in f.f_locals)
P = collections.namedtuple("P", "x")
print(P.__module__, P)
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)
def chain():
    f, names = sys._getframe(), []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
print(chain())
