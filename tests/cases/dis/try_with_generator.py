def gen(items):
    for it in items:
        try:
            yield 10 // it
        except ZeroDivisionError as e:
            yield str(e)
        finally:
            pass

with open(__file__) as f:
    first = f.readline()
print(list(gen([1, 0, 5])), f"{first!r:>5}")
