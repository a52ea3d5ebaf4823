print(None, repr(None), type(None).__name__)
print(None is None, None == None, None != 0, bool(None))
print([None] * 3, str(None) + "!")
def f():
    pass
print(f() is None)
