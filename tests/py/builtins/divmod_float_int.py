for a, b in ((7, 2), (-7, 2), (7.5, 2), (-7.5, -2), (1, 0.3)):
    print(a, b, divmod(a, b))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
