def f():
    f()
try:
    f()
except RecursionError as e:
    print("RecursionError:", e)
print("still alive")
def g(n):
    return g(n + 1) + 1
try:
    g(0)
except RecursionError as e:
    print("again:", e)
