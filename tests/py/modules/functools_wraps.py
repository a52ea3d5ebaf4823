import functools
def trace(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        print("calling", f.__name__)
        return f(*a, **k)
    return wrapper
@trace
def area(w, h):
    """Compute an area."""
    return w * h
print(area(2, 3), area.__name__, area.__doc__, area.__wrapped__(4, 4))
