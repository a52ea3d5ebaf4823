for i, c in enumerate("abc"):
    print(i, c)
print(list(enumerate("xy", start=10)), list(enumerate([], 5)))
e = enumerate(["a"], -1)
print(next(e))
