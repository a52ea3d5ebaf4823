import copy
a = [[1, 2], [3]]
b = a[:]
c = copy.deepcopy(a)
a[0].append(9)
print(b, c, a == b, a is b)
print(list(a) == a, [1, 2] == (1, 2), [1, [2]] < [1, [3]])
