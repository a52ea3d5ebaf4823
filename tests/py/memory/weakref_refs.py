# ref equality and hashing, getweakrefs, callbacks in order.
import weakref
class O:
    pass
o = O()
r1 = weakref.ref(o)
r2 = weakref.ref(o, lambda r: print("cb2"))
r3 = weakref.ref(o, lambda r: print("cb3"))
print(r1 == r2, r1 is r2, hash(r1) == hash(o))
print(weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
print(weakref.getweakrefs(o)[0] is r1)
h = hash(r2)
del o
print(r1() is None, r1 == r2, hash(r2) == h)
try:
    hash(r3)
except TypeError as e:
    print(e)
def f():
    pass
print(weakref.ref(f)() is f, weakref.ref(O)() is O)
