try:
    try:
        int("x")
    except ValueError:
        raise LookupError("clean") from None
except LookupError as e:
    print(e.__cause__, e.__suppress_context__)
    print(type(e.__context__).__name__)
