# A `for` loop whose target is a plain local: the fetch of the next item
# and the store into the variable run as one step, and a range's int may
# take over the variable's previous box. Every observable result must be
# as if the item were stored by itself.
import sys


def kept_items():
    kept = []
    for i in range(1000, 1006):
        kept.append(i)
    last = None
    for j in range(2000, 2004):
        last = j
    return kept, last, j


print(kept_items())


def crossing_small_ints():
    seen = []
    for i in range(-8, 300, 37):
        seen.append(i)
    for i in range(300, 250, -13):
        seen.append(i)
    return seen, i


print(crossing_small_ints())


def counts():
    for big in range(10**6, 10**6 + 2):
        pass
    # the variable holds the last item; only it and the argument count
    print(sys.getrefcount(big) - 1)
    alias = big
    for big in range(5000, 5002):
        pass
    print(alias, big)


counts()


def sequences():
    out = []
    for x in [1.5, "two", (3,), None]:
        out.append(x)
    for y in ("a", "b"):
        out.append(y)
    items = [1, 2, 3]
    for z in items:
        if z == 1:
            items.append(4)
        out.append(z)
    return out


print(sequences())


def gen():
    yield 10
    yield 20
    return "done"


def from_generator():
    total = 0
    for g in gen():
        total += g
    for g2 in (k * k for k in range(400, 403)):
        total += g2
    return total, g, g2


print(from_generator())


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        if self.n == 1:
            raise ValueError("bad item")
        return self.n


def user_iterator():
    got = []
    try:
        for c in Countdown(4):
            got.append(c)
    except ValueError as e:
        print("caught", e, got, c)


user_iterator()


def empty_leaves_unbound():
    for never in range(0):
        pass
    try:
        return never
    except UnboundLocalError as e:
        return str(e)


print(empty_leaves_unbound())


def break_and_else():
    for i in range(500, 510):
        if i == 503:
            break
    else:
        i = -1
    for j in range(600, 602):
        pass
    else:
        j += 1000
    return i, j


print(break_and_else())


def closure_variable():
    fs = []
    for k in range(700, 703):
        fs.append(lambda: k)
    return [f() for f in fs]


print(closure_variable())


def del_then_loop():
    n = 12345
    del n
    for n in range(3):
        pass
    return n


print(del_then_loop())

for module_level in range(400, 403):
    pass
print(module_level)


def raises_in_loop():
    for i in range(1000, 1003):
        if i == 1002:
            raise KeyError(i)


raises_in_loop()
