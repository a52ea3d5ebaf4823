f = lambda x: x if x else -x
g = (lambda: 1) if a else (lambda: 2)
h = lambda: (yield)
