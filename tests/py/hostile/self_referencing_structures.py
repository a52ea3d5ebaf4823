l = []
l.append(l)
print(l, len(l), l[0] is l)
d = {}
d[1] = d
print(d)
t = ([],)
t[0].append(t)
print(len(repr(t)) > 0, repr(t))
try:
    l == l[0]
    print("same object compares equal")
except RecursionError as e:
    print(e)
