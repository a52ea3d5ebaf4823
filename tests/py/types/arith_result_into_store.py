# An operator's result written into the box of the local or list item it
# is stored in (fast_arith.rs: binary_fast_fused): the old value must not
# change when something else still refers to it.
import sys

def locals_():
    x = 1000.5
    y = x
    x = x * 2.0
    print(x, y, x is y)
    n = 1000
    k = n
    n = n // 2
    print(n, k)
    n = n * 3 + 1
    print(n, k)
    z = 5.0
    z = z + z
    z = z - 1.0
    w = z
    z = z * 3.0
    print(z, w)
    a = 10**18
    a = a * 100
    print(a)
    q = 2.0
    q = q ** 0.5
    print(q, sys.getrefcount(q))
    s = 700
    s = s - 600
    print(s, s == 100)

def items():
    l = [1.5, 2.5, 3000]
    m = l[0]
    l[0] -= 0.25
    print(l, m)
    l[1] += 1
    l[-1] *= 2
    print(l)
    alias = [l[0]]
    l[0] *= 4.0
    print(l, alias)
    d = {0: 1.5}
    d[0] -= 1.0
    print(d)
    t = [500]
    t[0] -= 400
    print(t, t[0] == 100)
    for i in range(3):
        acc = 0.5
        for j in range(4):
            acc = acc * 1.5 + j
        print(acc)

locals_()
items()
