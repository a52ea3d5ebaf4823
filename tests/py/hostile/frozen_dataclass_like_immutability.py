t = (1, 2)
try:
    t.append(3)
except AttributeError as e:
    print(e)
s = "abc"
try:
    s.x = 1
except AttributeError as e:
    print(e)
f = frozenset()
try:
    f.add(1)
except AttributeError as e:
    print(e)
