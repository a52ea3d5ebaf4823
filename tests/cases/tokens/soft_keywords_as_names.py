match = 1
case = 2
match.case = 3
print(match, case)
match[0]
match(x)
_ = 4
