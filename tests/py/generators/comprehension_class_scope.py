class C:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    n = 10
    try:
        shifted = [v + n for v in values]
    except NameError as e:
        shifted = str(e)

print(C.doubled)
print(C.shifted)
