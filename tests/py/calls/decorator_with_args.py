def repeat(n):
    def deco(func):
        def wrapper(*a):
            return [func(*a) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def one(x):
    return x + 1

print(one(1))

@repeat(0)
def none():
    return 1

print(none())
