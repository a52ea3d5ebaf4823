sq = {x: x * x for x in range(5)}
print(sq)
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print({k: v for k, v in zip("abc", range(3)) if v})
print({x % 3: x for x in range(10)})
