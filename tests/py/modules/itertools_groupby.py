import itertools
data = "aaabccdaa"
print([(k, len(list(g))) for k, g in itertools.groupby(data)])
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
for k, g in itertools.groupby(words, key=lambda w: w[0]):
    print(k, list(g))
