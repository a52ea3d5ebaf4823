r = range(10 ** 30)
print(r[10 ** 29], 10 ** 29 in r, r.index(5))
try:
    len(r)
except OverflowError as e:
    print(e)
print(range(0, 10 ** 30, 10 ** 29)[-1])
