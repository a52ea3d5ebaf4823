import random

r = random.Random(2024)
print(r.choices(range(5), k=4))
print(r.choices("abc", weights=[5, 1, 1], k=6))
print(r.choices("xyz", cum_weights=[1, 1, 3], k=3))

class Dice(random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.rolls = 0
    def roll(self):
        self.rolls += 1
        return self.randint(1, 6)

d = Dice("table")
print([d.roll() for _ in range(6)], d.rolls, isinstance(d, random.Random))
random.seed("hello")
print(random.random(), random.Random("hello").random())
try:
    r.choices([1, 2], weights=[1])
except ValueError as e:
    print(e)
