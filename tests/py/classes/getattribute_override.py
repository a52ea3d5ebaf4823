class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("access", name)
        return object.__getattribute__(self, name)

l = Logged()
print(l.a)
try:
    l.b
except AttributeError as e:
    print(e)
