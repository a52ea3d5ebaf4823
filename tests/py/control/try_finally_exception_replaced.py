def f():
    try:
        raise ValueError("original")
    finally:
        print("cleanup")

try:
    f()
except ValueError as e:
    print("got", e)

try:
    try:
        raise ValueError("a")
    finally:
        raise KeyError("b")
except KeyError as e:
    print(repr(e), repr(e.__context__))
