a = b = c = []
a.append(1)
print(b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(i, lst)
