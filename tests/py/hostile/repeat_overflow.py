try:
    [1] * 10 ** 20
except OverflowError as e:
    print(type(e).__name__, e)
try:
    "x" * (10 ** 20)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    [0] * (2 ** 62)
except MemoryError as e:
    print(type(e).__name__)
