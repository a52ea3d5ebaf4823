print(abs(-5), abs(5.5), abs(-0.0), abs(True), abs(-2 ** 100))
print(callable(len), callable("s"), callable(type), callable(lambda: 0))
print(len("abc"), len([1]), len({}), len(range(5)), len(b"ab"), len({1: 2, 3: 4}))
