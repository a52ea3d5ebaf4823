import sys
print(sys.get_int_max_str_digits())
n = 10 ** 4299
print(len(str(n)))
try:
    str(10 ** 4300)
except ValueError as e:
    print(e)
