print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "x", [], [0]])), list(filter(str.isupper, "aBcD")))
m = map(abs, [-1, -2])
print(type(m).__name__, next(m), list(m), list(m))
