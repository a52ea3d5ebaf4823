l = [3, 1, 2]
print(l.sort(), l)
print(l.reverse(), l)
print(l.append(0), l.extend([]), l)
t = sorted(l)
print(t is l, t)
