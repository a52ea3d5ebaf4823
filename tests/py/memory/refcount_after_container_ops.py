import sys
s = object()
base = sys.getrefcount(s)
d = {}
d[1] = s
d[2] = s
print(sys.getrefcount(s) - base)
del d[1]
print(sys.getrefcount(s) - base)
t = (s, s, s)
print(sys.getrefcount(s) - base)
del t, d
print(sys.getrefcount(s) - base)
