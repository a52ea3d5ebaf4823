# Which objects the collector tracks (CPython 3.11's rules).
import gc
print(gc.is_tracked(()), gc.is_tracked((1, 2)), gc.is_tracked(([],)))
t = (1, "a")
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
d = {}
print(gc.is_tracked(d))
d["x"] = 1
print(gc.is_tracked(d))
d["y"] = []
print(gc.is_tracked(d))
print(gc.is_tracked({"a": {}}), gc.is_tracked({"a": ()}))
print(gc.is_tracked(lambda: 0), gc.is_tracked(set()), gc.is_tracked(int))
