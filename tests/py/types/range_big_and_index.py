# range with big bounds, __index__ arguments, equality, hash, truth, search
r = range(10 ** 20, -10 ** 20, -3 * 10 ** 18)
print(r, r[5], r[-1], r[2:5], r[::-7], 10 ** 20 - 3 * 10 ** 18 in r, r.index(10 ** 20 - 6 * 10 ** 18), r.count(5))
print(list(range(2 ** 62, 2 ** 62 + 3)), list(reversed(range(2 ** 64, 2 ** 64 + 6, 2))), range(-2 ** 63, 2 ** 63 - 1)[-1])
print(range(0, 3) == range(0, 3, 2), range(1, 2, 5) == range(1, 3, 7), hash(range(0)) == hash(range(5, 1)), bool(range(0)), bool(range(3)))
print(2.0 in range(5), "a" in range(3), range(5).index(3.0), range(3).start, range(1, 9, 2).step, len(range(0, 10 ** 6, 7)))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(e)
for bad in ((1.5,), (1, 2, 0), ("a",), ()):
    try:
        range(*bad)
    except (TypeError, ValueError) as e:
        print(e)
class I:
    def __index__(self): return 4
print(range(I()), range(10)[I()], [1, 2] * I(), list(range(10))[I():])
