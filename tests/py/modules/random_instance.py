import random
r = random.Random(7)
print([r.randint(1, 6) for _ in range(10)])
r2 = random.Random("seed string")
print(r2.random())
random.seed(0)
print(random.random(), random.gauss(0, 1) if False else "skip")
