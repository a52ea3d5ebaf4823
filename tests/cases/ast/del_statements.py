del a
del a, b
del a.b, a[0], (c, d), [e]
del (f)
