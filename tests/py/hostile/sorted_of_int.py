try:
    sorted(1)
except TypeError as e:
    print(e)
try:
    for x in 3:
        pass
except TypeError as e:
    print(e)
