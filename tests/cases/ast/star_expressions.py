x = *a, *b
print(*a, *b)
return_value = [*a, *b]
*a, = b
