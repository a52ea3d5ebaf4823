import math
for f, a in ((math.sqrt, -1), (math.log, 0), (math.factorial, -1), (math.acos, 2)):
    try:
        f(a)
    except ValueError as e:
        print(f.__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(e)
