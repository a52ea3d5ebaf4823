# Cycles through lists and dicts are found and counted one per object.
import gc
gc.collect()
l = []
l.append(l)
del l
print(gc.collect())
d = {}
d["self"] = d
del d
print(gc.collect())
a = []
b = {"a": a}
a.append(b)
del a, b
print(gc.collect())
print(gc.collect())
