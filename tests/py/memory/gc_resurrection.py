# A __del__ that stores its object resurrects it; the second death does
# not run __del__ again (PEP 442).
import gc
saved = []
class Phoenix:
    def __del__(self):
        print("del")
        saved.append(self)
gc.collect()
p = Phoenix()
p.me = p
del p
print(gc.collect())
print(len(saved), all(s.me is s for s in saved))
saved.clear()
print(gc.collect())
print(len(saved))
