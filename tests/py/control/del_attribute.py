class C:
    pass

c = C()
c.x = 1
c.y = 2
del c.x
print(vars(c))
try:
    del c.x
except AttributeError as e:
    print(e)
