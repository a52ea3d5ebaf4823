class Thing:
    def __init__(self):
        self.size = 3

t = Thing()
print(t.size)
t.grow()
