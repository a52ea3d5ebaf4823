try:
    try:
        raise ValueError("first")
    except ValueError:
        print("handling first")
        raise TypeError("second")
except TypeError as e:
    print("caught", repr(e))
    print("context", repr(e.__context__))
    print(e.__cause__)
