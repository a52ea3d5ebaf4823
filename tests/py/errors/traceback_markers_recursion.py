# Repeated frames of a deep recursion are counted, not shown.
def down(n):
    return down(n + 1) + 1

down(0)
