[x for y in z for x in y]
[[x for x in row] for row in m]
[x for x in y if x if not z]
{a: [b for b in a] for a in c if a}
[(x, y) for x, y in zip(a, b)]
[x for x, in y]
