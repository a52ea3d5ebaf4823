for f in (min, max):
    try:
        f([])
    except ValueError as e:
        print(e)
try:
    min()
except TypeError as e:
    print(e)
