def make():
    x = 10
    def gen():
        yield x
        yield x + 1
    return gen

print(list(make()()))

def counter(start):
    while start > 0:
        yield start
        start -= 1
print(list(counter(4)))
