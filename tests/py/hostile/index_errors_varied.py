for f in (lambda: [][0], lambda: ()[0], lambda: ""[0], lambda: range(0)[0], lambda: b""[0], lambda: [1, 2][2 ** 70]):
    try:
        f()
    except IndexError as e:
        print(e)
