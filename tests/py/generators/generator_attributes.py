def my_gen():
    yield 1

g = my_gen()
print(g.__name__, g.__qualname__)
print(g.gi_running, g.gi_frame is not None)
print(iter(g) is g)
list(g)
print(g.gi_frame)
