a = [1]
b = a
print(a is b, id(a) == id(b), id(a) == id([1]) and False)
