lambda: 0
lambda x: x
lambda x, y=1: x
lambda *args, **kw: 0
lambda a, /, b, *, c: 0
lambda *, a=1: a
lambda x=lambda y: y: x
