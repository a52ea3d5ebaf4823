def apply(f, *args, **kw):
    return f(*args, **kw)

print(apply(max, 3, 8, 1))
print(apply(sorted, [3, 1, 2], reverse=True))
print(apply(str.upper, "abc"))
print(apply(dict, a=1))
print(apply(int, "ff", 16))
