class Timer:
    entered = 0
    def __enter__(self):
        Timer.entered += 1
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit with", exc_type, exc)
        return exc_type is ZeroDivisionError

with Timer() as t:
    print(type(t).__name__)
with Timer():
    1 / 0
print("entered", Timer.entered)
