# The report shows at most the innermost 1000 entries, however deep the
# failing call was.
import sys
sys.setrecursionlimit(3000)

def down(n):
    if n == 0:
        return fail()
    return down(n - 1)

def fail():
    return 1 / 0

down(1500)
