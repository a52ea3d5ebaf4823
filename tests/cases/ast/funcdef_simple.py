def f():
    pass
def g(a, b, c):
    return a
