try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError:
            raise RuntimeError("c")
except RuntimeError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(type(x).__name__)
        x = x.__context__
    print(chain)
