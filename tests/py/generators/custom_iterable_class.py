class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1

c = Countdown(3)
print(list(c))
print(list(c))
print(3 in c, 5 in c)
print(sorted(c))
