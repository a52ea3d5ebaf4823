five, none, one, tup, fl = 5, None, [1], (1,), 1.0
cases = [lambda: five[0], lambda: none["k"], lambda: one["a"], lambda: tup[fl], lambda: "abc"[None:None:0]]
for c in cases:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    x = 1
    x[0] = 2
except TypeError as e:
    print(e)
try:
    del tup[0]
except TypeError as e:
    print(e)
