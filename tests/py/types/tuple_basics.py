t = (1, "a", 2.5)
print(t, t[1], t[-1], t[:2], len(t), t + (4,), t * 2)
print((), (1,), tuple("ab"), tuple([1, 2]), tuple(range(3)))
print(t.index("a"), t.count(1), 2.5 in t, (1, 2) < (1, 3), (1, 2) == (1, 2))
a, b, c = t
print(a, b, c)
try:
    t[0] = 5
except TypeError as e:
    print(e)
