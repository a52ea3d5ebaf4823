try:
    int.foo = 1
except TypeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    del int.__add__
except TypeError as e:
    print(e)
