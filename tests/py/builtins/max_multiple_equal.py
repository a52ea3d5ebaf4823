pairs = [(1, "a"), (3, "b"), (3, "c"), (2, "d")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: -p[0]))
print(max("abc", "abd", "ab"), min([[2], [1, 5], [1]]))
