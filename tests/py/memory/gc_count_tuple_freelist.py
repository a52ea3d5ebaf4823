# CPython 3.11 keeps freed exact tuples of sizes 1 to 20 on one free
# list per size (up to 2000 each) and reuses them for new tuples of the
# same size: a reused tuple is not counted by the collector and a tuple
# kept for reuse is not uncounted, so they change gc.get_count(). The
# pop only serves sizes below 20, so 20-tuples are kept but never reused.
# A full collection empties the lists; () is a singleton.
import gc

class T(tuple):
    pass

gc.disable()
gc.collect()

def count():
    return gc.get_count()[0]

def make(n, k):
    # k distinct tuples of n items, built at run time.
    return [tuple(range(i, i + n)) for i in range(k)]

# gc.get_count() returns a 3-tuple: the first call after a full
# collection counts it, later ones reuse it.
count()
count()
for n in (1, 2, 3, 5, 19, 20, 21):
    gc.collect()
    count()
    count()
    c = count()
    xs = make(n, 4)
    made = count() - c
    c = count()
    del xs
    freed = count() - c
    c = count()
    ys = make(n, 4)
    again = count() - c
    del ys
    print(n, "made:", made, "freed:", freed, "made again:", again)

gc.collect()
count()
count()
c = count()
e = [tuple(), (), tuple([])]
print("empty tuples:", count() - c)
c = count()
s = T((1, 2))
print("a subclass instance:", count() - c)
c = count()
del s
print("a subclass instance freed:", count() - c)

# More than the list keeps: 2100 pairs freed, 2000 kept.
gc.collect()
count()
count()
big = make(2, 2100)
c = count()
del big
print("2100 pairs freed:", count() - c)
c = count()
again = make(2, 2100)
print("2100 pairs made:", count() - c)
del again

# Tuples made by operators and calls come from the lists too.
gc.collect()
count()
count()
a = (1, 2)
b = [a + a for i in range(3)]
c = count()
del b
print("concatenations freed:", count() - c)
c = count()
b = [a * 2 for i in range(3)]
print("repetitions reuse them:", count() - c)
c = count()
d = [tuple([i, i, i, i]) for i in range(3)]
print("tuple() of lists too:", count() - c)
del b, d
gc.collect()
print(gc.get_stats()[0]["collections"] > 0, gc.get_stats()[2]["collected"] >= 0)
gc.enable()
