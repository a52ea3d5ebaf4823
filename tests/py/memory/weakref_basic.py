import weakref
class Obj:
    pass
o = Obj()
r = weakref.ref(o)
print(r() is o)
del o
print(r())
