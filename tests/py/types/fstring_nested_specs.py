width, prec = 10, 3
val = 3.14159
print(f"[{val:{width}.{prec}f}]")
print(f"[{val:>{width}}]")
for w in (4, 6):
    print(f"[{'ab':^{w}}]")
fmt = ".2e"
print(f"{val:{fmt}}")
