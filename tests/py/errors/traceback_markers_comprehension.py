# The outermost iterable of a comprehension is located at the comprehension;
# a lone generator argument spans the call's parentheses.
data = [1, 2, 0]
print(sum(10 // x for x in data[:2]))
print(sum(10 // x for x in data))
