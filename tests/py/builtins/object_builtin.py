o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(object.__name__, object.__bases__, len(object.__mro__))
