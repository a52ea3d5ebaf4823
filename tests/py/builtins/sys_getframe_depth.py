# sys._getframe's depth is a C int: too large raises OverflowError, too
# deep ValueError, and a negative depth means the caller itself.
import sys
def where():
    return sys._getframe(-5).f_code.co_name, sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name
print(where())
for depth in (10**30, -10**30, 2**31, 10**3):
    try:
        sys._getframe(depth)
    except (OverflowError, ValueError) as e:
        print(depth if abs(depth) < 10**6 else "huge", type(e).__name__, e)
