try:
    ",".join([1, 2])
except TypeError as e:
    print(e)
try:
    ",".join(["a", None])
except TypeError as e:
    print(e)
print(",".join([]), ",".join(("a",)), "|".join({"k": 1}))
