n = 10 ** 10 ** 5
print(n.bit_length())
try:
    print(n)
except ValueError as e:
    print(e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
print(len(hex(n)))
