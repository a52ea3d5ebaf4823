class C:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, a):
        print("init", a)
        self.a = a

c = C(5)
print(c.created, c.a)
