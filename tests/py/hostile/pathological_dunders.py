# Dunder methods that raise or return the wrong type.
def check(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)

class EqRaises:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise ValueError("eq failed")

class Hash:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h

class Ret:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return self.v
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v
    def __bool__(self):
        return self.v
    def __iter__(self):
        return self.v

a, b = EqRaises(), EqRaises()
check("dict lookup", lambda: {a: 1}[b])
check("list.index", lambda: [a].index(b))
check("in list", lambda: b in [a])
check("list.count", lambda: [a].count(b))
check("in tuple", lambda: b in (a,))
check("set add", lambda: {a, b})
check("hash str", lambda: hash(Hash("x")))
check("hash float", lambda: hash(Hash(1.5)))
check("hash huge", lambda: hash(Hash(2 ** 100)) == hash(2 ** 100))
check("hash -1", lambda: hash(Hash(-1)))
check("hash bool", lambda: hash(Hash(True)))
check("len -1", lambda: len(Ret(-1)))
check("len huge", lambda: len(Ret(2 ** 100)))
check("len str", lambda: len(Ret("3")))
check("len float", lambda: len(Ret(2.0)))
check("len True", lambda: len(Ret(True)))
check("index str", lambda: [1, 2][Ret("0")])
check("index ok", lambda: [1, 2][Ret(1)])
check("int str", lambda: int(Ret("5")))
check("int float", lambda: int(Ret(5.5)))
check("bool int", lambda: bool(Ret(1)))
check("bool None", lambda: bool(Ret(None)))
check("if", lambda: "yes" if Ret("s") else "no")
check("iter int", lambda: iter(Ret(3)))
check("for list", lambda: [x for x in Ret([1])])
check("range index", lambda: range(Ret(3)))
