try:
    getattr(1)
except TypeError as e:
    print(e)
try:
    getattr(1, 2)
except TypeError as e:
    print(e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(e)
