# An instruction spanning the whole line gets no markers.
def f():
    raise KeyError('k')

f()
