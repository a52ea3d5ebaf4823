def f(*a):
    return a

print(f(*(x * x for x in range(5))))
print(f(*{1: "a", 2: "b"}))
print(f(*[], *(), *""))
print(max(*[3, 9, 2]))
