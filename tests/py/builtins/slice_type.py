# slice objects: construction, repr, equality, indices clamping, errors
print(slice(3), slice(1, 2), slice(None, None, -2), slice("a", [1], 2.5))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3))
print(slice(-100, 100).indices(5), slice(None, None, -1).indices(0), slice(10 ** 30, None, -1).indices(7))
print(slice(2, -2, 2).indices(10), slice(-1, -11, -3).indices(10), list(range(10))[slice(-1, -11, -3)])
class I:
    def __index__(self):
        return 3
print(slice(I(), None).indices(10), "abcdef"[I():], [0, 1, 2, 3, 4][:I()])
for make in (lambda: slice(), lambda: slice(1, 2, 3, 4), lambda: slice(1, 2, 0).indices(3),
             lambda: slice(1).indices(-1), lambda: hash(slice(1)), lambda: [1, 2]["a":]):
    try:
        make()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
