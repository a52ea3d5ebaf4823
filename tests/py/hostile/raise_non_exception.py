for thing in (5, "str", object, None):
    try:
        raise thing
    except TypeError as e:
        print(e)
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
