# A closing parenthesis before the operator is skipped; two-character
# operators get two markers.
a, b = 7, 0
print((a) * 2)
print((a)//(b))
