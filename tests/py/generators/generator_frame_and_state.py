import inspect

def gen():
    yield 1
    yield 2

g = gen()
print(inspect.getgeneratorstate(g), g.gi_frame is not None, g.gi_running)
next(g)
print(inspect.getgeneratorstate(g), g.gi_frame.f_lineno, g.gi_frame.f_code.co_name)
g.close()
print(inspect.getgeneratorstate(g), g.gi_frame)

def watcher():
    print("inside:", inspect.getgeneratorstate(w))
    yield

w = watcher()
next(w)
print(inspect.isgenerator(w), inspect.isfunction(watcher), inspect.isclass(int), inspect.ismodule(inspect))
