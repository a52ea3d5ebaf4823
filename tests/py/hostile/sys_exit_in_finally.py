import sys
try:
    print("try")
    raise KeyError("ignored")
finally:
    print("finally exits")
    sys.exit(4)
