class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

x = Noisy("x")
print("before del")
del x
print("after del")
y = Noisy("y")
y = Noisy("y2")
print("rebound")
