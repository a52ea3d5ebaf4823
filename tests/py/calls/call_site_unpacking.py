def f(a, b, c, d=0, e=0):
    return (a, b, c, d, e)

args = [1, 2]
kw = {"d": 4, "e": 5}
print(f(*args, 3, **kw))
print(f(*(1, 2, 3)))
print(f(*"abc"))
print(f(1, *[2], *[3], **{"d": 9}, e=10))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(*range(3), **dict(e=7)))
