d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
d = {k: v for k, v in zip("xyz", range(3))}
for k, v in d.items():
    d[k] = v * 10
print(d)
