a.b.c
a[0]
a[0][1]
a[b, c]
a[()]
a.b[c].d(e)
