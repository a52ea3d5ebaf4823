# A format spec that fails marks the whole f-string.
value = 42
print(f'{value:>6}')
print(f'{value:zz}')
