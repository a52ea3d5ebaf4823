try:
    "".join([1])
except TypeError as e:
    print(e)
try:
    "-".join(["a", b"b"])
except TypeError as e:
    print(e)
try:
    "".join(5)
except TypeError as e:
    print(e)
