for v in (-1, 0x110000):
    try:
        chr(v)
    except ValueError as e:
        print(e)
try:
    chr(2 ** 64)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print(e)
