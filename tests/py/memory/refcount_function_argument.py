import sys
def count(o):
    return sys.getrefcount(o)
thing = object()
print(sys.getrefcount(thing), count(thing))
d = {"k": thing}
t = (thing,)
print(sys.getrefcount(thing))
