x = "outer"
lst = [x for x in range(3)]
print(x, lst)
y = "keep"
g = {y: 1 for y in "ab"}
print(y, g)
try:
    [z for z in range(2)]
    print(z)
except NameError as e:
    print(e)
