def f(a: int, b: "str" = "x") -> list:
    return [a, b]

print(f(1))
print(f.__annotations__)
x: int = 5
print(__annotations__)
