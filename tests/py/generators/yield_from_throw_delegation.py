def inner():
    try:
        yield "inner 1"
    except ValueError:
        yield "inner handled"
    return "r"

def outer():
    r = yield from inner()
    yield "outer got " + r

g = outer()
print(next(g))
print(g.throw(ValueError))
print(next(g))
