# A try body followed by neither except nor finally.
print("never printed")
try:
    pass
print("after")
