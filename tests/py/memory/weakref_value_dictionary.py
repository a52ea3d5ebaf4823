import weakref
class Item:
    def __init__(self, name):
        self.name = name
cache = weakref.WeakValueDictionary()
a = Item("a")
b = Item("b")
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()))
del a
print(sorted(cache.keys()), "a" in cache)
print(cache["b"].name, cache.get("a"))
