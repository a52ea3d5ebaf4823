a, *b, c = range(6)
print(a, b, c)
*init, last = "hello"
print(init, last)
first, *rest = [1]
print(first, rest)
(x, y), *z = (1, 2), 3, 4
print(x, y, z)
a, b = b, a
print(a, b)
