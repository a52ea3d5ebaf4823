match = 1
case = 2
match.case = case
match[0]
match(1)
print(match, case)
_ = match
match - 1
