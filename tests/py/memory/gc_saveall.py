# DEBUG_SAVEALL keeps unreachable objects in gc.garbage.
import gc
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
l = [1, 2]
l.append(l)
del l
print(gc.collect())
print(len(gc.garbage), [g[:2] for g in gc.garbage])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
