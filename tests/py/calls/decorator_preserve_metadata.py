def wraps_by_hand(f):
    def wrapper(*a, **k):
        return f(*a, **k)
    wrapper.__name__ = f.__name__
    wrapper.__doc__ = f.__doc__
    wrapper.__wrapped__ = f
    return wrapper

@wraps_by_hand
def add(a, b):
    """Add two numbers."""
    return a + b

print(add(2, 3), add.__name__, add.__doc__)
print(add.__wrapped__(5, 5))
