import sys
a = "hello_world"
b = "hello_" + "world"
print(a is b)
c = "".join(["hello", "_world"])
print(c == a, c is a)
d = sys.intern(c)
print(d is a)
