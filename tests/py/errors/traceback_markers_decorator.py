# A decorator that fails marks the decorator's expression.
def broken(f):
    return f.nothing

@broken
def g():
    pass
