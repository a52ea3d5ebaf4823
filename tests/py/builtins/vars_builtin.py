class P:
    def __init__(self):
        self.x, self.y = 1, 2
print(vars(P()))
def f():
    a = 1
    b = "two"
    return vars()
print(f())
try:
    vars(5)
except TypeError as e:
    print(e)
