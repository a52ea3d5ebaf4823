print(list(zip([1, 2, 3], "ab")))
print(list(zip()), list(zip([1])), list(zip(*[(1, "a"), (2, "b")])))
print(dict(zip("abc", range(3))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(e)
