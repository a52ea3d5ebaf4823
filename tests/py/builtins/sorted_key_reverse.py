words = ["pear", "fig", "banana", "kiwi"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted({3: "c", 1: "a"}), sorted((3, 1, 2)), sorted([]))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
