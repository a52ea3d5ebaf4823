import sys
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" continued")
print("x", "y", sep="", end="!\n")
print()
print(1, 2, sep=None, end=None)
print("to stdout", file=sys.stdout, flush=True)
print(*[1, 2, 3], sep=", ")
