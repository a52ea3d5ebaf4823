cases = [lambda: "a".split(""), lambda: "a".center(5, "ab"), lambda: "a".replace(1, 2),
         lambda: "abc".startswith(["a"]), lambda: "x".zfill("3"), lambda: "{}".format(), lambda: "{0}{}".format(1, 2)]
for c in cases:
    try:
        c()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
