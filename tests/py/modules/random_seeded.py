import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice(["a", "b", "c", "d"]))
print(random.random(), random.uniform(1, 2), random.randrange(0, 1000, 7))
random.seed(42)
print(random.random())
