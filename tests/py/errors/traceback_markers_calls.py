# A call marks the whole call, unless it is the whole line.
def inner(x):
    raise ValueError(x)

def outer(x):
    y = inner(x) + 1
    return y

result = outer(3)
