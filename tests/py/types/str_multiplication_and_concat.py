print("ab" * 3, 3 * "ab", "x" * 0 == "", "x" * -2 == "")
print("a" + "b" + "c", "".join(["a"] * 5))
s = ""
for i in range(5):
    s += str(i)
print(s)
try:
    "a" + 1
except TypeError as e:
    print(e)
