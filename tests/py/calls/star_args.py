def total(*args):
    print(type(args).__name__, len(args))
    return sum(args)

print(total())
print(total(1))
print(total(1, 2, 3, 4))

def head_tail(first, *rest):
    return first, rest

print(head_tail(1, 2, 3))
print(head_tail("x"))
