for s in ("x", "12abc", "", "0x10", "1 2"):
    try:
        int(s)
    except ValueError as e:
        print(e)
