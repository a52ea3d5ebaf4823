from collections import Counter
c = Counter("abracadabra")
print(c.most_common(3))
print(c["a"], c["z"], sorted(c.elements())[:6])
c.update("aaz")
print(c["a"], c["z"])
d = Counter(a=1, b=5)
print(sorted((c + d).items()), sorted((c - d).items()))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), sum(c.values()))
