def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

g = fib()
first = [next(g) for _ in range(15)]
print(first)
for x in g:
    if x > 10**20:
        print(x)
        break
