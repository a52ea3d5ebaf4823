for i in range(3):
    print("line", i)
print("partial", end="")
raise RuntimeError("after output")
