pairs = [(1, "1"), ([1], (1,)), ({1}, [1]), (None, 0)]
for a, b in pairs:
    print(a == b, a != b)
for a, b in pairs:
    try:
        a < b
    except TypeError as e:
        print(e)
