import itertools
print(list(itertools.chain([1, 2], "ab", (3,))))
print(list(itertools.chain.from_iterable([[1], [2, 3], []])))
print(list(itertools.islice(range(100), 5)), list(itertools.islice("abcdefg", 1, 6, 2)))
print(list(itertools.islice(range(10), 8, None)))
