BASE = 10

def f(x, base=BASE):
    return x + base

BASE = 100
print(f(1))
print(f(1, BASE))
