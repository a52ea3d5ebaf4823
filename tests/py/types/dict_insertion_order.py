d = {}
for key in ("zeta", "alpha", "mid"):
    d[key] = len(key)
print(d)
d["alpha"] = 99
print(list(d))
del d["zeta"]
d["zeta"] = 0
print(list(d))
print({3: "c", 1: "a", 2: "b"})
