for v in ([1], {"a": 1}, {1}, bytearray(b"x")):
    try:
        hash(v)
    except TypeError as e:
        print(e)
try:
    {[]: 1}
except TypeError as e:
    print(e)
try:
    set([[1]])
except TypeError as e:
    print(e)
