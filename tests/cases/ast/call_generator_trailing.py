f(x for x in y)
f(*a, *b, **c, **d)
f(a)[b](c)
f(**{'a': 1})
