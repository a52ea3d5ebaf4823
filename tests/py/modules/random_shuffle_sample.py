import random
random.seed(12345)
lst = list(range(10))
random.shuffle(lst)
print(lst)
print(random.sample(range(100), 5), random.choices("abc", k=6))
print(random.getrandbits(64), random.randint(-5, 5))
