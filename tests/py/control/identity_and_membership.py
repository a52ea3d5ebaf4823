a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, 2 in a, 3 not in a)
print("ell" in "hello", "x" not in "hello")
print((1, 2) in [(1, 2)], {"k": 1}.keys() >= {"k"})
