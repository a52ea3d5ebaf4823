def counted(f):
    def w(*a):
        w.calls += 1
        return f(*a)
    w.calls = 0
    return w

@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(10))
print(fib.calls)
