# A suspended generator in a cycle is closed (finally runs) when collected.
import gc
class Holder:
    pass
def gen(h):
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
gc.collect()
h = Holder()
h.g = gen(h)
print(next(h.g))
del h
print("collecting")
print(gc.collect() > 0)
print("done")
