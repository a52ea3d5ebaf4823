class Cycle:
    def __init__(self, items, times):
        self.items, self.times = items, times
    def __iter__(self):
        for _ in range(self.times):
            for x in self.items:
                yield x
c = Cycle("ab", 2)
print(list(c), "".join(c), len(list(c)))
