try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad key") from e
except ValueError as e:
    print(repr(e))
    print(repr(e.__cause__))
    print(e.__suppress_context__)
    print(e.__context__ is e.__cause__)
