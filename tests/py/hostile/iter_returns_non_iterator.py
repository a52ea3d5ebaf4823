class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print(e)
try:
    for x in BadIter():
        pass
except TypeError as e:
    print(e)
