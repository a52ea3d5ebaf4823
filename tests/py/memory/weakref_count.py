import weakref
class O:
    pass
o = O()
r1 = weakref.ref(o)
r2 = weakref.ref(o)
print(weakref.getweakrefcount(o), r1 is r2)
p = weakref.proxy(o)
o.x = 5
print(p.x)
del o
try:
    p.x
except ReferenceError as e:
    print(e)
