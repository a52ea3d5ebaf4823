# A class nothing refers to any more is freed by gc.collect(), even after
# its attributes were looked up (the attribute cache must not keep it).
import gc, weakref
class Base:
    def hello(self):
        return "hi"
class Temp(Base):
    x = 1
    def m(self):
        return self.x
t = Temp()
print(t.m(), t.hello(), Temp.x, getattr(t, "missing", None))
r = weakref.ref(Temp)
del t, Temp
gc.collect()
print(r())
def factory(i):
    class Local(Base):
        value = i
    return Local
refs = []
for i in range(5):
    cls = factory(i)
    print(cls().value, cls().hello())
    refs.append(weakref.ref(cls))
del cls
gc.collect()
print([r() for r in refs])
print(Base().hello())
