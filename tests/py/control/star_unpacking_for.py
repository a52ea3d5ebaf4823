for first, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(first, rest)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
