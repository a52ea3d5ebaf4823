lst = [3, 1, 2]
def key(x):
    lst.append(x)
    return x
try:
    lst.sort(key=key)
except ValueError as e:
    print(e)
print(lst)
