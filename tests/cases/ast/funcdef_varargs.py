def f(*args, **kwargs):
    pass
def g(a, *args, b=1, **kwargs):
    pass
def h(*, a):
    pass
def i(**kw,):
    pass
