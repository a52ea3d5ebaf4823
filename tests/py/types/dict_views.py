d = {"x": 1, "y": 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d["z"] = 3
print(list(k), list(v), list(i), len(k))
print(k & {"x", "q"}, sorted(k | {"q"}), k - {"x"}, ("x", 1) in i)
print(reversed(d).__class__.__name__, list(reversed(d)))
