# A weak reference to an object that dies in a collected cycle is cleared
# and its callback called, before the cycle's __del__ methods run.
import gc, weakref
class Node:
    def __del__(self):
        print("del node")
def cb(r):
    print("callback", r() is None)
gc.collect()
n = Node()
n.me = n
r = weakref.ref(n, cb)
del n
print("collect")
print(gc.collect())
print(r() is None)
