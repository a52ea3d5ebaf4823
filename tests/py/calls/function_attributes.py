def f(a, b=2, *args, c, d=4, **kw):
    "doc"
    x = 1
    return x

print(f.__name__, f.__qualname__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames)
f.custom = 5
print(f.custom)
