import sys
val = object()
before = sys.getrefcount(val)
def make():
    v = val
    return lambda: v
f = make()
print(sys.getrefcount(val) - before)
del f
print(sys.getrefcount(val) - before)
