names = ["ann", "bob", "cy"]
scores = [90, 85, 77]
table = {n: s for n, s in zip(names, scores)}
print(table)
for rank, (n, s) in enumerate(sorted(table.items(), key=lambda kv: -kv[1]), 1):
    print(rank, n, s)
print(dict(enumerate("ab")))
