import itertools
a, b = itertools.tee(iter([1, 2, 3]))
print(next(a), next(a))
print(list(b), list(a))
print(list(itertools.pairwise("abcd")))
