import itertools
c = itertools.count(10, 5)
print([next(c) for _ in range(4)])
cy = itertools.cycle("ab")
print([next(cy) for _ in range(5)])
print(list(itertools.repeat("x", 3)))
print(list(zip(itertools.count(), "abc")))
print(list(itertools.islice(itertools.count(1.5, 0.5), 3)))
