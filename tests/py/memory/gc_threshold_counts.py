# Thresholds, counts and automatic collection of garbage cycles.
import gc
print(gc.get_threshold())
gc.set_threshold(100, 5, 5)
print(gc.get_threshold())
class C:
    pass
freed = 0
gc.collect()
gc.disable()
for i in range(50):
    c = C()
    c.c = c
del c
print(gc.get_count()[0] >= 50)
print(gc.collect())
gc.enable()
gc.set_threshold(700, 10, 10)
s = gc.get_stats()
print(len(s), sorted(s[0]))
