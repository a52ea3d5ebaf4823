# A function that refers to itself through its closure cell.
import gc
gc.collect()
def make():
    def inner():
        return inner
    return inner
f = make()
print(f() is f)
del f
print(gc.collect() > 0)
print(gc.collect())
