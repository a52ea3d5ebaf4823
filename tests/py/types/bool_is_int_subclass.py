print(isinstance(True, int), True + 0, [10, 20][True])
print({True: "t", 1: "one"}, {0: "zero", False: "f"})
print(str(True), f"{True:d}", f"{False:>5}", "%d" % True, int("1") == True)
