x = 5
print("x" in globals(), globals()["x"], __name__)
def f(a):
    b = 2
    return sorted(locals())
print(f(1))
globals()["newvar"] = "made"
print(newvar)
