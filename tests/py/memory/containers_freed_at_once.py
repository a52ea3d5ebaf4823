# A container whose count reaches zero is freed at once, as CPython's
# deallocators free: its box is reused by the next one made, and what it
# held is released (finalizers and weakref callbacks run) before the
# next statement.
import weakref

print(id([]) == id([]))
print(id((1, [])) == id((1, [])))
a = [1, 2]
i = id(a)
del a
b = [3, 4]
print(id(b) == i)

class W:
    pass

w = W()
r = weakref.ref(w, lambda ref: print("callback"))
holder = [w]
del w
print("still held", r() is not None)
holder = None
print("after release", r())

class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

t = (D("in tuple"), 1)
del t
print("after tuple")
x = [D("first"), D("second")]
x = None
print("after list")
d = {"k": (D("nested"),)}
d.clear()
print("after clear")

def chain(n):
    head = None
    for _ in range(n):
        head = (head,)
    return head

c = chain(100000)
c = None
print("long chain freed")
