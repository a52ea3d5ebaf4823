class Range3:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= 3:
            raise StopIteration
        self.i += 1
        return self.i

r = Range3()
print(list(r))
print(list(r))
print(next(iter(Range3())))
