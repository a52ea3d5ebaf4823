def f():
    import math as m
    from collections import deque
    return m.sqrt(49), deque([1]).pop()
print(f())
print("m" in globals(), "deque" in globals())
