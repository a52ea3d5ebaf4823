import sys
item = object()
lst = [item, item, item]
print(sys.getrefcount(item))
lst.pop()
print(sys.getrefcount(item))
lst.clear()
print(sys.getrefcount(item))
