(a, b), (c, (d, e)) = (1, 2), (3, (4, 5))
print(a, b, c, d, e)
x, y, z = "xyz"
print(z, y, x)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i, *_ = range(10)
print(i, _[-1])
