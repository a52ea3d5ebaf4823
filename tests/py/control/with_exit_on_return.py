class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit called", a[0])

def f():
    with CM():
        return "returned"

print(f())

def g():
    for i in range(3):
        with CM():
            if i == 1:
                break
    return i
print(g())
