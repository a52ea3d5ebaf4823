class Guard:
    def __setattr__(self, name, value):
        print("setting", name, value)
        if name == "locked":
            raise AttributeError("locked is read-only")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)

g = Guard()
g.a = 1
try:
    g.locked = True
except AttributeError as e:
    print(e)
del g.a
print(vars(g))
