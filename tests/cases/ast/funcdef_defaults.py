def f(a, b=1, c=2):
    pass
def g(a=1, *, b, c=2):
    pass
