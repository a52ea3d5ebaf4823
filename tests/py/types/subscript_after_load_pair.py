# `local[const]` and `local[local]`: the subscript may run with the loads
# in one step for an exact list or tuple and an int; everything else
# takes the general path with the same results and errors.


class Doubled(list):
    def __getitem__(self, i):
        return 2 * list.__getitem__(self, i)


class Key(int):
    pass


def reads():
    xs = [10, 20, 30]
    t = ("a", "b")
    d = {0: "zero", -1: "minus one"}
    s = "str"
    i, j = 1, -1
    out = [xs[0], xs[-1], xs[i], xs[j], t[0], t[j], d[0], d[j], s[0], s[j]]
    dl = Doubled([1, 2, 3])
    out += [dl[0], dl[i]]
    big = 2**70
    out.append(xs[Key(2)])
    out.append(xs[True])
    try:
        out.append(xs[big])
    except IndexError as e:
        out.append(str(e))
    for bad in (3, -4):
        try:
            xs[bad]
        except IndexError as e:
            out.append(str(e))
    try:
        t[5]
    except IndexError as e:
        out.append(str(e))
    try:
        xs["0"]
    except TypeError as e:
        out.append(str(e))
    return out


print(reads())


def in_loop(points):
    total = 0.0
    for p in points:
        total += p[0] * p[1] - p[2]
    return total


print(in_loop([[1.5, 2.0, 0.5], (3.0, 4.0, 1.0)]))


def subclass_overrides():
    class L(list):
        def __setitem__(s, i, v):
            super().__setitem__(i, v * 2)
        def __delitem__(s, i):
            print("del", i)
            super().__delitem__(i)
    l = L([1, 2])
    l[0] = 5
    del l[1]
    print(l)
    print(list.__getitem__([1,2], 1))
    class L(list):
        def __getitem__(s, i):
            print("get", i)
            return list.__getitem__(s, i)
        def __setitem__(s, i, v):
            print("set", i, v)
            list.__setitem__(s, i, v)
    l = L([1.5, 2])
    l[0] += 1.0
    l[1] -= 1
    print(l, l[0:1])
    class T(tuple):
        def __getitem__(s, i):
            return "T"
    print(T((1,2))[0])
    for x in T((1,2)): print(x)
    class S(str):
        def __getitem__(s, i): return "S"
    print(S("ab")[1], "ab"[1])


subclass_overrides()


def uncaught():
    xs = [1]
    k = 1
    return xs[k]


uncaught()
