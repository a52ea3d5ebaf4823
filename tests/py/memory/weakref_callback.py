import weakref
class Obj:
    def __init__(self, n):
        self.n = n
def gone(ref):
    print("callback: referent gone", ref() is None)
o = Obj(1)
r = weakref.ref(o, gone)
print("deleting")
del o
print("after delete")
