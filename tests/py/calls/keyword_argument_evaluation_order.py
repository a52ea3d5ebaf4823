def show(name, value):
    print("eval", name)
    return value

def f(*args, **kwargs):
    return args, kwargs

print(f(show("a", 1), show("b", 2), k=show("k", 3), *[show("star", 4)], **{"z": show("dstar", 5)}))
