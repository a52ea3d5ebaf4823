class Bad:
    def __iter__(self):
        return self
    def __next__(self):
        raise KeyError("from __next__")
try:
    list(Bad())
except KeyError as e:
    print("KeyError", e)
try:
    for _ in Bad():
        pass
except KeyError as e:
    print("loop", e)
