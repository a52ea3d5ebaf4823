for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
x = [] or None
print(x)
print(1 if [] else 2, 0 and 1, 0 or "", "a" and "b")
