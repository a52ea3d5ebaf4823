for s in ("1", " 2.5 ", "-1e-3", "inf", "-INF", "nan", "1_0.5", ".5", "5.", "1E400"):
    print(repr(s), float(s))
for bad in ("", "1.2.3", "abc", "1_", "0x10"):
    try:
        float(bad)
    except ValueError as e:
        print(e)
