r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1])
print(5 in r, 6 in r, r.index(8), r.count(11))
print(list(range(5, 0, -1)), list(range(0, -10, -3)), list(range(3, 3)), len(range(10, 0)))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
