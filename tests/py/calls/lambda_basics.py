sq = lambda x: x * x
add = lambda a, b=2: a + b
print(sq(7), add(1), add(1, 1))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(sq.__name__)
print((lambda: None)())
