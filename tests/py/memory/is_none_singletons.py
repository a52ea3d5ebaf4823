a = None
b = [None][0]
t1 = ()
t2 = tuple([])
print(a is b, (1 == 1) is True, t1 is t2, frozenset() == frozenset())
x = []
y = []
print(x is y, x == y)
