import itertools
print(list(itertools.zip_longest("abc", [1])))
print(list(itertools.zip_longest("ab", "x", fillvalue="-")))
print(list(itertools.takewhile(lambda x: x < 5, [1, 3, 6, 2])))
print(list(itertools.dropwhile(lambda x: x < 5, [1, 3, 6, 2])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.filterfalse(str.isdigit, "a1b2")), list(itertools.compress("abc", [1, 0, 1])))
