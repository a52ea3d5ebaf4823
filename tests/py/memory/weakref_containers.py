# WeakKeyDictionary, WeakSet and finalize.
import weakref
class K:
    def __init__(self, n):
        self.n = n
a, b = K(1), K(2)
wk = weakref.WeakKeyDictionary()
wk[a] = "a"
wk[b] = "b"
print(len(wk), wk[a], a in wk)
del a
print(len(wk), sorted(wk.values()))
ws = weakref.WeakSet()
x, y = K(3), K(4)
ws.add(x)
ws.add(y)
print(len(ws), x in ws)
del y
print(len(ws), [k.n for k in ws])
def done(msg):
    print("finalized", msg)
z = K(5)
f = weakref.finalize(z, done, "z")
print(f.alive)
del z
print(f.alive)
w = K(6)
g = weakref.finalize(w, done, "w")
g()
print(g.alive)
g()
