import sys
class Box:
    pass
payload = object()
b = Box()
b.a = payload
b.b = payload
print(sys.getrefcount(payload))
del b.a
print(sys.getrefcount(payload))
b = None
print(sys.getrefcount(payload))
