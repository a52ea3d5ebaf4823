l = [1, 2, 3]
for f in (lambda: l[3], lambda: l[-4], lambda: l.index(9), lambda: l.remove(9), lambda: [].pop(), lambda: l.pop(10)):
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
