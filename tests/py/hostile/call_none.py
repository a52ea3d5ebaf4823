try:
    f = None
    f()
except TypeError as e:
    print(e)
try:
    n = 5
    n(1)
except TypeError as e:
    print(e)
try:
    s = "str"
    s()
except TypeError as e:
    print(e)
