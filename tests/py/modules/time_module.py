import time
a = time.monotonic()
b = time.monotonic()
print(b >= a, isinstance(a, float))
t = time.time()
print(isinstance(t, float), t > 1.6e9)
print(isinstance(time.perf_counter(), float), type(time.time_ns()).__name__)
