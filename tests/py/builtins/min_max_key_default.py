print(min(3, 1, 2), max([3, 1, 2]), min("hello"), max("a", "b", key=str.upper))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(min([], default="empty"), max((), default=None))
print(max([1, 3, 3], key=lambda x: -x), max([(1, "x"), (1, "y")], key=lambda t: t[0]))
try:
    max([])
except ValueError as e:
    print(e)
