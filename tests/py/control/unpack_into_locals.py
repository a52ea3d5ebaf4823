# Unpacking into plain locals: the items go straight into the variables,
# first item first, whatever the iterable is.


def tuples_and_lists():
    a, b = (1, "x")
    c, d, e = [2.5, None, (3,)]
    a, a = 10, 20
    p, q = q2 = (7, 8)
    return a, b, c, d, e, p, q, q2


print(tuples_and_lists())


class Reversed(list):
    def __iter__(self):
        return iter(reversed(list(super().__iter__())))


class Pair:
    def __iter__(self):
        yield "left"
        yield "right"


def other_iterables():
    x, y = Reversed([1, 2])
    s, t = Pair()
    u, v = "hi"
    w, z = {"k": 1, "j": 2}
    g1, g2, g3 = (i * i for i in range(3))
    return x, y, s, t, u, v, w, z, g1, g2, g3


print(other_iterables())


def endless():
    def forever():
        while True:
            yield 1

    try:
        a, b = forever()
    except ValueError as e:
        print(e)


endless()


def in_loops():
    out = []
    for key, value in {"a": 1, "b": 2}.items():
        out.append(key * value)
    for (i, j), k in [((1, 2), 3), ((4, 5), 6)]:
        out.append(i + j + k)
    pairs = [([0.0, 1.0], [2.0]), ([3.0], [4.0, 5.0])]
    for (p1, v1), (p2, v2) in [(pairs[0], pairs[1])]:
        out.append(len(p1) + len(v1) + len(p2) + len(v2))
    return out


print(in_loops())


def wrong_lengths():
    for value, n in [((1, 2, 3), 2), ([1], 2), ("abc", 2), (iter([1]), 2)]:
        try:
            if n == 2:
                a, b = value
        except ValueError as e:
            # (ouro has one iterator type where CPython has list_iterator)
            print("an iterator" if hasattr(value, "__next__") else type(value).__name__, e)
    try:
        a, b = 5
    except TypeError as e:
        print(e)


wrong_lengths()


def old_values_released():
    class Noisy:
        def __init__(self, name):
            self.name = name

        def __del__(self):
            print("del", self.name)

    a, b = Noisy("first-a"), Noisy("first-b")
    a, b = 1, 2
    print("after", a, b)


old_values_released()


def raises_midway():
    def items():
        yield 1
        raise RuntimeError("iterator failed")

    a = "unchanged"
    try:
        a, b = items()
    except RuntimeError as e:
        print(e, a)


raises_midway()


def uncaught():
    first, second = [1, 2, 3]


uncaught()
