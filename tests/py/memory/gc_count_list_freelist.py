# CPython 3.11 keeps up to 80 freed exact lists and reuses them for new
# lists (`[]`, not `list()`): a reused list is not counted by the
# collector and a list kept for reuse is not uncounted, so they change
# gc.get_count(). A full collection empties the free list.
import gc

class L(list):
    pass

gc.disable()
gc.collect()

def count():
    return gc.get_count()[0]

# The first calls after a full collection count their own result tuple
# (CPython's tuple free list was emptied too): measure after them.
count()
count()
c = count()
xs = [[], [], []]
print("4 new lists:", count() - c)
c = count()
del xs
print("4 lists freed to the free list:", count() - c)
c = count()
ys = [[], [], []]
print("4 lists reused:", count() - c)
c = count()
zs = [[], []]
print("3 more, free list empty:", count() - c)
del ys
c = count()
l = list()
print("list() is always counted:", count() - c)
c = count()
del l
print("a list() freed to the free list:", count() - c)

c = count()
s = L()
print("a subclass instance:", count() - c)
c = count()
del s
print("a subclass instance freed:", count() - c)

# From an empty free list (a full collection empties it).
gc.collect()
count()
count()
big = [[] for i in range(100)]
c = count()
del big
print("101 lists freed, 80 kept:", count() - c)
c = count()
again = [[] for i in range(100)]
print("101 lists made, 80 reused:", count() - c)
del again
gc.collect()
count()
count()
c = count()
after = [[], []]
print("after a full collection:", count() - c)
gc.enable()
