cases = [lambda: 1 + "a", lambda: "a" - "b", lambda: [1] + (2,), lambda: {} + {}, lambda: None < 1,
         lambda: -"x", lambda: ~1.5, lambda: [1] * [2], lambda: 1 @ 2, lambda: "a" < 1]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
