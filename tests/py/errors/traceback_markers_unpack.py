# Unpacking marks the target list.
pairs = [(1, 2), (3, 4, 5)]
for p in pairs:
    first, second = p
    print(first, second)
