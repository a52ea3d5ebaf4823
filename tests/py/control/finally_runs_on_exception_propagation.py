log = []
def level(n):
    try:
        if n == 0:
            raise RuntimeError("bottom")
        level(n - 1)
    finally:
        log.append(n)

try:
    level(3)
except RuntimeError as e:
    print(e, log)
