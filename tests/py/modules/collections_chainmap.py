from collections import ChainMap
a, b = {"x": 1}, {"x": 2, "y": 3}
c = ChainMap(a, b)
print(c["x"], c["y"], len(c), sorted(c))
c["z"] = 9
print(a, dict(c.parents))
