for i in range(5):
    pass
print(i)
for ch in "":
    pass
try:
    print(ch)
except NameError as e:
    print(e)
