class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest):
        return self.n + x + sum(rest)

add5 = Adder(5)
print(add5(1), add5(1, 2, 3))
print(callable(add5), callable(Adder), callable(5))
print(list(map(add5, [10, 20])))
