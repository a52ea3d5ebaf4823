t = 1, 2, 3
print(t, type(t).__name__)
print(hash((1, 2)) == hash((1, 2)), (1, [2]) == (1, [2]))
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
single = 5,
print(single, len(single))
