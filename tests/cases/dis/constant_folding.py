def advance(dx, dy, dz):
    mag = (dx * dx + dy * dy + dz * dz) ** -1.5
    return mag, -1, ~5, not 1, 'a' * 3, 'abc'[1], (1, -2.0, (3,)), __debug__


def limits():
    return 'a' * 4097, 2 ** 129, 1 << 128, 1 / 0, '%s' % 'x'


def membership(x):
    if not (x in [1, 2, 3]):
        return x in {'a', 'b'}, x not in [x, 4]
    for i in [1, 2]:
        pass
    return [y for y in [x, 1]]
