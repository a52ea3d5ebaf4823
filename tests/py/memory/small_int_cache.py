a = 256
b = 256
print(a is b)
c = int("1000")
d = int("1000")
print(c is d, c == d)
e = int("-5")
f = -5
print(e is f)
g = int("257")
h = int("257")
print(g is h)
