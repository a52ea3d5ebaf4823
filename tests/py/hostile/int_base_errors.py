for args in (("10", 1), ("10", 37), ("z", 10), ("12", 2)):
    try:
        int(*args)
    except ValueError as e:
        print(e)
try:
    int(10, 2)
except TypeError as e:
    print(e)
