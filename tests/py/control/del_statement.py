x = 5
del x
try:
    x
except NameError as e:
    print(e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
