print(issubclass(bool, (str, int)))
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
