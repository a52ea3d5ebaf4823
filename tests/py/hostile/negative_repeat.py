print(repr("a" * -1), [1] * -5, (1,) * -1, b"x" * -3)
try:
    "a" * 1.5
except TypeError as e:
    print(e)
