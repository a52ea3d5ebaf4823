print({"a": 1, "b": 2} == {"b": 2, "a": 1})
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
d = {(1, 2): "tuple", None: "none", 2.5: "float"}
print(d[(1, 2)], d[None], d[2.5])
try:
    {[1]: 2}
except TypeError as e:
    print(e)
